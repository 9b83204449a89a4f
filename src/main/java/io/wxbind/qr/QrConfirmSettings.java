package io.wxbind.qr;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long a scanner has to open the confirm link and answer ({@code wechat.qr.confirm-seconds}), checked at deployment. */
@ApplicationScoped
public class QrConfirmSettings {

    static final long MIN_SECONDS = 30;
    static final long MAX_SECONDS = 900;

    @Inject
    @ConfigProperty(name = "wechat.qr.confirm-seconds", defaultValue = "180")
    long confirmSeconds;

    public Duration confirmTtl() {
        return Duration.ofSeconds(confirmSeconds);
    }

    @PostConstruct
    void validate() {
        if (confirmSeconds < MIN_SECONDS || confirmSeconds > MAX_SECONDS) {
            throw new IllegalStateException("wechat.qr.confirm-seconds must be between " + MIN_SECONDS + " and " + MAX_SECONDS
                    + " (a short window: the link is a one-time key), not " + confirmSeconds);
        }
    }

    /** Creates this bean while the application deploys, so that {@link #validate} runs then. */
    void eager(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // the instance is all that was needed
    }
}
