package io.wxbind.auth;

import io.wxbind.config.FirstLoginPolicy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns WxBind on in the application that declares it, as Soteria's
 * {@code @FormAuthenticationMechanismDefinition} does for its mechanisms: put it on one CDI bean
 * class of the WAR (an {@code @ApplicationScoped} class, say). Without it the classes jar does
 * nothing: no mechanism, servlet, JAX-RS resource, timer or migration.
 *
 * <p>Each value is a default: the MicroProfile Config key named on it wins, so operations can
 * change a deployment without a rebuild. Secrets (the app secret, keys) are never annotation
 * values; they come from MicroProfile Config only. Bad values fail the deployment with one
 * message listing every problem.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WeChatAuthenticationMechanismDefinition {

    /** {@code wechat.app-id}: the official account used for web authorization. Empty = config only. */
    String appId() default "";

    /** {@code wechat.first-login}: what happens to a WeChat user with no binding. */
    FirstLoginPolicy firstLogin() default FirstLoginPolicy.BIND;

    /**
     * {@code wxbind.protected-paths}: URL patterns ({@code /app/*}, exact paths) where an anonymous
     * browser is sent to WeChat login. Empty = the container's security constraints decide.
     */
    String[] protectedPaths() default {};

    /** {@code wxbind.path.login}: explicit start of a WeChat login ({@code ?returnTo=}). */
    String loginPath() default "/wechat/login";

    /** {@code wxbind.path.bind}: the page where an unbound WeChat user proves an account. */
    String bindPath() default "/wechat/bind";

    /** {@code wechat.callback-path}: where WeChat sends the browser back with the code. */
    String callbackPath() default "/wechat/callback";

    /** {@code wxbind.bearer-tokens}: whether WxBind answers {@code Authorization: Bearer} requests. */
    boolean bearerTokens() default true;

    /** {@code wechat.default-groups}: groups of accounts WxBind creates (first login {@code REGISTER}). */
    String[] defaultGroups() default {"user"};

    /** {@code wechat.public-base-url}: this application's absolute URL as browsers see it, if behind a proxy. */
    String publicBaseUrl() default "";
}
