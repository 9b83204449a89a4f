package io.wxbind.auth.flow;

import io.wxbind.wechat.WeChatIdentity;

/** What flow step 2 learned from the callback: who the person is, or why not. */
public sealed interface CallbackResult {

    /** The code was exchanged: WeChat vouches for {@code identity}. */
    record Identified(WeChatIdentity identity, io.wxbind.wechat.OAuthAccessToken token, AuthorizationRequest request)
            implements CallbackResult {
    }

    record Failed(LoginProblem problem, String detail) implements CallbackResult {
    }
}
