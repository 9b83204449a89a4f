package io.wxbind.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the {@code wechat.*} keys once, reports every problem in a single failure (so a bad
 * deployment says everything that is wrong at once), and hands out the immutable
 * {@link WeChatConfig}. Values come from MicroProfile Config: system properties, environment
 * variables ({@code WECHAT_APP_SECRET}), Payara's {@code set-config-property} or password
 * aliases.
 */
@ApplicationScoped
public class WeChatConfigProducer {

    private static final Logger LOG = Logger.getLogger(WeChatConfigProducer.class.getName());

    @Inject
    Config mpConfig;

    private WeChatConfig config;
    private ServerTokenConfig tokens;
    private PushConfig push;
    private ApiTokenConfig apiTokens;
    private RememberMeConfig rememberMe;

    @PostConstruct
    void load() {
        Function<String, Optional<String>> source = key -> mpConfig.getOptionalValue(key, String.class);
        config = read(source);
        List<String> problems = new ArrayList<>();
        tokens = ServerTokenConfig.read(source, config.appId(), config.appSecret(), problems);
        push = PushConfig.read(source, config.appId(), problems);
        apiTokens = ApiTokenConfig.read(source, problems);
        rememberMe = RememberMeConfig.read(source, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("WeChat settings are misconfigured:\n  - " + String.join("\n  - ", problems));
        }
        LOG.info(() -> "WeChat login configured: " + config + "; server tokens " + (tokens.enabled() ? "kept for " + tokens.appList() : "off")
                + "; " + apiTokens);
    }

    /** Reads at deployment, so a misconfigured WAR fails to deploy instead of failing later. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        config.appId();
    }

    @Produces
    @Dependent
    WeChatConfig config() {
        return config;
    }

    @Produces
    @Dependent
    ServerTokenConfig tokens() {
        return tokens;
    }

    @Produces
    @Dependent
    PushConfig push() {
        return push;
    }

    @Produces
    @Dependent
    ApiTokenConfig apiTokens() {
        return apiTokens;
    }

    @Produces
    @Dependent
    RememberMeConfig rememberMe() {
        return rememberMe;
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Pure mapping from raw values to a validated config; unit-testable without a container. */
    public static WeChatConfig read(Function<String, Optional<String>> source) {
        List<String> problems = new ArrayList<>();
        ConfigReader r = new ConfigReader(source, problems);
        String appId = r.required("wechat.app-id");
        if (appId != null && !appId.matches("[A-Za-z0-9_]{1,32}")) {
            problems.add("wechat.app-id: must be 1-32 letters or digits, was '" + appId + "'");
        }
        String secret = r.required("wechat.app-secret");
        URI open = r.url("wechat.open-base-url", "https://open.weixin.qq.com");
        URI api = r.url("wechat.api-base-url", "https://api.weixin.qq.com");
        URI mp = r.url("wechat.mp-base-url", "https://mp.weixin.qq.com");
        FirstLoginPolicy policy = r.map("wechat.first-login", "bind", FirstLoginPolicy::parse);
        String defaultScope = policy == FirstLoginPolicy.REGISTER ? WeChatConfig.SCOPE_USERINFO : WeChatConfig.SCOPE_BASE;
        String scope = r.optional("wechat.scope").orElse(defaultScope);
        if (!scope.equals(WeChatConfig.SCOPE_BASE) && !scope.equals(WeChatConfig.SCOPE_USERINFO)) {
            problems.add("wechat.scope: must be snsapi_base or snsapi_userinfo, was '" + scope + "'");
        } else if (policy == FirstLoginPolicy.REGISTER && scope.equals(WeChatConfig.SCOPE_BASE)) {
            problems.add("wechat.scope: the 'register' first-login policy needs snsapi_userinfo (a profile)");
        }
        URI publicBase = r.optional("wechat.public-base-url").map(v -> r.toUrl("wechat.public-base-url", v)).orElse(null);
        List<String> origins = new ArrayList<>();
        for (String o : r.list("wechat.return-url-allow-list")) {
            URI u = r.toUrl("wechat.return-url-allow-list", o);
            if (u != null) {
                origins.add(ReturnOrigins.originOf(u));
            }
        }
        Duration timeout = r.duration("wechat.http-timeout-ms", 5000, 100, 120_000);
        Duration stateTtl = r.duration("wechat.state-ttl-seconds", 600, 30, 3600);
        Duration ticketTtl = r.duration("wechat.bind-ticket-ttl-seconds", 300, 30, 3600);
        LinkedHashSet<String> groups = new LinkedHashSet<>(r.list("wechat.default-groups"));
        if (groups.isEmpty()) {
            groups.add("user");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("WeChat login is misconfigured:\n  - " + String.join("\n  - ", problems));
        }
        return new WeChatConfig(appId, secret, open, api, mp, scope, policy, publicBase,
                List.copyOf(origins), timeout, stateTtl, ticketTtl, java.util.Collections.unmodifiableSet(groups));
    }
}
