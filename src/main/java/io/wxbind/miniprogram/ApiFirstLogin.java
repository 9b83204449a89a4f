package io.wxbind.miniprogram;

import io.wxbind.config.FirstLoginPolicy;
import io.wxbind.config.WeChatApps;
import io.wxbind.config.WeChatConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What an unbound person of an API client (mini program, mobile app) may do with a bind ticket:
 * prove an account by password or SMS always, create one ({@code register}) only when the app's
 * first-login policy allows it ({@code wechat.app.<appid>.first-login}, else {@code wechat.first-login}).
 */
@ApplicationScoped
public class ApiFirstLogin {

    static final String PASSWORD = "password";
    static final String SMS = "sms";
    static final String REGISTER = "register";

    @Inject
    WeChatApps apps;

    @Inject
    WeChatConfig config;

    public FirstLoginPolicy policyOf(String appId) {
        return apps.firstLoginOf(appId).orElse(config.firstLogin());
    }

    public boolean mayRegister(String appId) {
        return policyOf(appId) == FirstLoginPolicy.REGISTER;
    }

    /** The ways the {@code /session} answer offers, as {@code "bindWith"}. */
    public List<String> waysFor(String appId) {
        return mayRegister(appId) ? List.of(PASSWORD, SMS, REGISTER) : List.of(PASSWORD, SMS);
    }
}
