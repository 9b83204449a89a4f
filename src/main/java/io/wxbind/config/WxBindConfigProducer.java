package io.wxbind.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The one place that reads MicroProfile Config ({@code ConfigSourcesTest} fails on any other):
 * at deployment it layers MicroProfile Config over the host's {@link DeclaredSettings} over the
 * built-in defaults ({@link WxBindSettings#read}), fails the deployment once with every problem,
 * and hands out the immutable records.
 */
@ApplicationScoped
public class WxBindConfigProducer {

    private static final Logger LOG = Logger.getLogger(WxBindConfigProducer.class.getName());

    @Inject
    Config mpConfig;

    /** Unsatisfied when no host declared the definition annotation (then MicroProfile Config and the defaults decide). */
    @Inject
    Instance<DeclaredSettings> declared;

    private WxBindSettings settings;

    @PostConstruct
    void load() {
        Map<String, String> declaredValues = declared.isResolvable() ? declared.get().values() : Map.of();
        settings = WxBindSettings.read(key -> mpConfig.getOptionalValue(key, String.class), declaredValues);
        LOG.info(settings::summary);
    }

    /** Reads at deployment, so a misconfigured WAR fails to deploy instead of failing later. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        settings.weChat();
    }

    @Produces
    @Dependent
    WeChatConfig weChat() {
        return settings.weChat();
    }

    @Produces
    @Dependent
    WeChatApps apps() {
        return settings.apps();
    }

    @Produces
    @Dependent
    MiniProgramConfig miniProgram() {
        return settings.miniProgram();
    }

    @Produces
    @Dependent
    WebsiteConfig website() {
        return settings.website();
    }

    @Produces
    @Dependent
    MechanismConfig mechanism() {
        return settings.mechanism();
    }

    @Produces
    @Dependent
    ServerTokenConfig serverTokens() {
        return settings.serverTokens();
    }

    @Produces
    @Dependent
    PushConfig push() {
        return settings.push();
    }

    @Produces
    @Dependent
    ApiTokenConfig apiTokens() {
        return settings.apiTokens();
    }

    @Produces
    @Dependent
    GuessConfig guess() {
        return settings.guess();
    }

    @Produces
    @Dependent
    SmsConfig sms() {
        return settings.sms();
    }

    @Produces
    @Dependent
    QrConfig qr() {
        return settings.qr();
    }

    @Produces
    @Dependent
    LinkConfig link() {
        return settings.link();
    }

    @Produces
    @Dependent
    UnionIdConfig unionIds() {
        return settings.unionIds();
    }

    @Produces
    @Dependent
    AuditConfig audit() {
        return settings.audit();
    }

    @Produces
    @Dependent
    SecurityConfig security() {
        return settings.security();
    }

    @Produces
    @Dependent
    RememberMeConfig rememberMe() {
        return settings.rememberMe();
    }

    @Produces
    @Dependent
    NodeConfig node() {
        return settings.node();
    }

    @Produces
    @Dependent
    DemoConfig demo() {
        return settings.demo();
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
