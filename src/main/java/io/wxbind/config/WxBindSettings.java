package io.wxbind.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of WxBind, read and validated together: a bad deployment gets one failure that
 * lists every problem of every area, each naming its key and never a secret's value.
 */
public record WxBindSettings(WeChatConfig weChat, WeChatApps apps, MechanismConfig mechanism, ServerTokenConfig serverTokens, PushConfig push,
        ApiTokenConfig apiTokens, GuessConfig guess, SmsConfig sms, QrConfig qr, LinkConfig link, AuditConfig audit,
        SecurityConfig security, RememberMeConfig rememberMe, NodeConfig node, DemoConfig demo, MiniProgramConfig miniProgram,
        UnionIdConfig unionIds, WebsiteConfig website) {

    /**
     * @param mpConfig MicroProfile Config, which wins
     * @param declared what the host declared in code (its definition annotation), which wins over the defaults
     * @throws IllegalStateException listing every problem
     */
    public static WxBindSettings read(Function<String, Optional<String>> mpConfig, Map<String, String> declared) {
        List<String> problems = new ArrayList<>();
        Function<String, Optional<String>> source = new LayeredSource(mpConfig, declared, problems);
        WeChatConfig weChat = WeChatConfig.read(source, problems);
        WeChatApps apps = WeChatApps.read(source, problems);
        WxBindSettings settings = new WxBindSettings(weChat, apps,
                MechanismConfig.read(source, problems),
                ServerTokenConfig.read(source, apps, problems),
                PushConfig.read(source, apps, problems),
                ApiTokenConfig.read(source, problems),
                GuessConfig.read(source, problems),
                SmsConfig.read(source, weChat.appSecret(), problems),
                QrConfig.read(source, problems),
                LinkConfig.read(source, problems),
                AuditConfig.read(source, problems),
                SecurityConfig.read(source, weChat, problems),
                RememberMeConfig.read(source, problems),
                NodeConfig.read(source, problems),
                DemoConfig.read(source, problems),
                MiniProgramConfig.read(source, apps, problems),
                UnionIdConfig.read(source, problems),
                WebsiteConfig.read(source, apps, problems));
        int count = Problems.distinct(problems);
        Problems.throwIfAny("WxBind is misconfigured (" + count + (count == 1 ? " problem" : " problems") + ")", problems);
        return settings;
    }

    /** One line for the deployment log; no secret. */
    public String summary() {
        return "WxBind configured: " + weChat + "; " + apps + "; server tokens " + (serverTokens.enabled() ? "kept for " + serverTokens.appList() : "off")
                + "; push " + push.appList() + "; " + apiTokens + "; " + guess + "; " + sms + "; " + qr + "; " + unionIds + "; " + security + "; " + website + "; " + rememberMe
                + "; node " + node.nodeName() + ", trusted proxies " + node.trustedProxies();
    }
}
