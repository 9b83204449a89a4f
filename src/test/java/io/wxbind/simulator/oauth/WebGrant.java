package io.wxbind.simulator.oauth;

/**
 * What a web access token stands for, with the ids the exchange returned: {@code unionId} is
 * null when the exchange had none (snsapi_base, or an app without open platform).
 */
public record WebGrant(String appId, String personId, String scope, boolean snapshot, String openId,
        String unionId) {

    public boolean profileScope() {
        return OAuthScopes.grantsProfile(scope);
    }
}
