package io.wxbind.account;

/**
 * Published (CDI) on every login, first login, bind and unbind, so that a portal can audit or
 * react without touching this module. Carries no secrets and a shortened openid.
 */
public record BindingEvent(Kind kind, String accountName, String appId, String shortOpenId) {

    public enum Kind { LOGIN, FIRST_LOGIN_REGISTERED, BOUND, UNBOUND }
}
