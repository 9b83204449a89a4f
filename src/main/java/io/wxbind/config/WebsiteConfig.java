package io.wxbind.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which website app (网站应用, {@link WeChatAppType#WEBSITE}) desktop browsers log in with by QR
 * code (protocol §2): the only one configured in {@link WeChatApps}, or, when there are several,
 * the one {@code wxbind.website.app-id} names (then required). None configured: no website login.
 * A key naming an app that is not a configured website app is a deployment problem.
 *
 * @param app the website app, or empty when there is none
 */
public record WebsiteConfig(Optional<WeChatApp> app) {

    static final String KEY = "wxbind.website.app-id";

    public static WebsiteConfig read(Function<String, Optional<String>> source, WeChatApps apps, List<String> problems) {
        Optional<String> named = new ConfigReader(source, problems).optional(KEY);
        if (named.isPresent()) {
            return new WebsiteConfig(apps.named(KEY, named.get(), Set.of(WeChatAppType.WEBSITE), problems)
                    .filter(a -> a.type() == WeChatAppType.WEBSITE));
        }
        List<WeChatApp> websites = apps.ofType(WeChatAppType.WEBSITE);
        if (websites.size() > 1) {
            problems.add(KEY + ": required when several website apps are configured (" + String.join(", ",
                    websites.stream().map(WeChatApp::appId).toList()) + "): name the one desktop browsers log in with");
            return new WebsiteConfig(Optional.empty());
        }
        return new WebsiteConfig(websites.stream().findFirst());
    }

    /** The appid only, never the secret. */
    @Override
    public String toString() {
        return "website login " + app.map(WeChatApp::appId).orElse("off");
    }
}
