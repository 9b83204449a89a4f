package io.wxbind.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/** Reads {@code wxbind.guess.*} once; a bad value fails the deployment with every problem listed. */
@ApplicationScoped
public class GuessConfigProducer {

    private static final Logger LOG = Logger.getLogger(GuessConfigProducer.class.getName());

    @Inject
    Config mpConfig;

    private GuessConfig config;

    @PostConstruct
    void load() {
        config = GuessConfig.read(key -> mpConfig.getOptionalValue(key, String.class));
        LOG.info(() -> "Guessing limits: " + config);
    }

    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        config.window();
    }

    @Produces
    @Dependent
    GuessConfig config() {
        return config;
    }
}
