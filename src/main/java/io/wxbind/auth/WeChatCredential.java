package io.wxbind.auth;

import io.wxbind.wechat.WeChatIdentity;
import jakarta.security.enterprise.credential.Credential;

/** A WeChat identity that WeChat vouched for (code exchanged by this server, never client-supplied). */
public record WeChatCredential(WeChatIdentity identity) implements Credential {
}
