package io.wxbind.simulator.oauth;

/** The scope strings of protocol §1 and §2 and what they allow. */
public final class OAuthScopes {

    public static final String BASE = "snsapi_base";
    public static final String USERINFO = "snsapi_userinfo";
    public static final String LOGIN = "snsapi_login";

    private OAuthScopes() {
    }

    /** snsapi_userinfo and snsapi_login may read the profile and receive the unionid. */
    public static boolean grantsProfile(String scope) {
        return USERINFO.equals(scope) || LOGIN.equals(scope);
    }
}
