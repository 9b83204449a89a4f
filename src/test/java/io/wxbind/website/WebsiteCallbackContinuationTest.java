package io.wxbind.website;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.AccountBindingService;
import io.wxbind.auth.WeChatCredential;
import io.wxbind.auth.flow.AuthorizationRequest;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.config.WeChatApp;
import io.wxbind.config.WeChatAppType;
import io.wxbind.config.WebsiteConfig;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.testsupport.FakeLogin;
import io.wxbind.wechat.OAuthAccessToken;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Step 2 of a website QR login against doubles: bound, unbound, refused, and a pending login for another app. */
class WebsiteCallbackContinuationTest {

    private static final WeChatApp SITE = new WeChatApp("wxSITE", WeChatAppType.WEBSITE, "s", "open-x");
    private final List<String> calls = new ArrayList<>();
    private CredentialValidationResult answer = CredentialValidationResult.NOT_VALIDATED_RESULT;
    private String conflict;
    private final WebsiteCallbackContinuation continuation = new WebsiteCallbackContinuation();

    WebsiteCallbackContinuationTest() {
        continuation.website = new WebsiteConfig(Optional.of(SITE));
        continuation.ends = FakeLogin.ends(calls);
        continuation.identityStores = new IdentityStoreHandler() {
            @Override
            public CredentialValidationResult validate(Credential credential) {
                calls.add("validate " + ((WeChatCredential) credential).identity().appId());
                return answer;
            }
        };
        continuation.bindings = new AccountBindingService() {
            @Override
            public Optional<String> unionIdConflictOf(WeChatIdentity id) {
                return Optional.ofNullable(conflict);
            }
        };
    }

    @Test
    void resumeWhenBoundThenLoggedInAsWebsiteLogin() {
        answer = new CredentialValidationResult("alice");
        assertEquals(Optional.of(AuthenticationStatus.SUCCESS), resume("wxSITE", WebsiteCallbackContinuation.of(SITE).ticketHash()));
        assertEquals(List.of("validate wxSITE", "login alice via WECHAT_WEBSITE to /wxbind/app/"), calls);
    }

    @Test
    void resumeWhenUnboundThenTheLoginGoesOnToTheBindForm() {
        assertTrue(resume("wxSITE", WebsiteCallbackContinuation.of(SITE).ticketHash()).isEmpty());
        assertEquals(List.of("validate wxSITE"), calls);
    }

    @Test
    void resumeWhenRefusedThenConflictOrUnavailableOnce() {
        answer = CredentialValidationResult.INVALID_RESULT;
        conflict = "bob";
        resume("wxSITE", WebsiteCallbackContinuation.of(SITE).ticketHash());
        conflict = null;
        resume("wxSITE", WebsiteCallbackContinuation.of(SITE).ticketHash());
        assertEquals(List.of("validate wxSITE", "problem unionid_conflict", "validate wxSITE", "problem account_unavailable"), calls);
    }

    @Test
    void resumeWhenStartedForAnotherAppOrWebsiteOffThenNotFoundUnvalidated() {
        resume("wxOTHER", WebsiteCallbackContinuation.of(new WeChatApp("wxOTHER", WeChatAppType.WEBSITE, "s", null)).ticketHash());
        resume("wxSITE", "f".repeat(64));
        continuation.website = new WebsiteConfig(Optional.empty());
        resume("wxSITE", WebsiteCallbackContinuation.of(SITE).ticketHash());
        assertEquals(List.of("problem authorization_request_not_found", "problem authorization_request_not_found",
                "problem authorization_request_not_found"), calls);
    }

    private Optional<AuthenticationStatus> resume(String appId, String ticketHash) {
        Instant now = Instant.now();
        AuthorizationRequest request = new AuthorizationRequest("S", "b", appId, "snsapi_login",
                "https://portal.example/wxbind/wechat/callback", "/wxbind/app/", now, now.plusSeconds(600));
        WeChatIdentity id = new WeChatIdentity(appId, "o-site", "u-1", null, null);
        OAuthAccessToken token = new OAuthAccessToken("at", 7200, "rt", "o-site", Set.of("snsapi_login"), "u-1", false);
        return continuation.resume(new FakeHttp.Request().uri("/wxbind/wechat/callback").build(),
                FakeLogin.context(calls), new CallbackResult.Identified(id, token, request), ticketHash);
    }
}
