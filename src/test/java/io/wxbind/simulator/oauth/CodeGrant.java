package io.wxbind.simulator.oauth;

/**
 * What an authorization code stands for: this person authorized this app with this scope.
 * {@code snapshot} marks a snapshot-mode (virtual account) authorization, protocol §1.2.
 */
public record CodeGrant(String appId, String personId, String scope, boolean snapshot) {
}
