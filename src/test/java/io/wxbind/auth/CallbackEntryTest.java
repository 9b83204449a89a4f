package io.wxbind.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.AccountBindingService;
import io.wxbind.auth.flow.AuthorizationRequest;
import io.wxbind.auth.flow.BindTicket;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.Continuation;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.auth.flow.TicketAttempt;
import io.wxbind.config.WeChatConfig;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.testsupport.FakeLogin;
import io.wxbind.wechat.OAuthAccessToken;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatIdentity;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The callback's branches (flow steps 2-4) against doubles: a failed callback, a feature's
 * continuation that answers or lets the login go on, a kind nobody serves, bound / disabled /
 * unbound under the bind and register policies.
 */
class CallbackEntryTest {

    private static final String APP = "wx1a2b3c4d5e6f7a8b";
    private static final WeChatIdentity PERSON = new WeChatIdentity(APP, "o-person", null, null, null);
    private static final WeChatIdentity WITH_PROFILE = new WeChatIdentity(APP, "o-person", "u-person", "Nick", null);

    private final List<String> calls = new ArrayList<>();
    /** What the identity stores answer, by openid + unionid; absent: NOT_VALIDATED (unbound). */
    private final Map<String, CredentialValidationResult> accounts = new HashMap<>();
    /** The other account that an identity's unionid stands for (a unionid conflict), by openid + unionid. */
    private final Map<String, String> unionIdElsewhere = new HashMap<>();
    private CallbackResult callback = identified(null);
    private RuntimeException profileFailure;

    private final CallbackEntry entry = new CallbackEntry();

    /** A feature's continuation: answers, or lets the login go on. */
    private final class Feature implements CallbackContinuation {
        final String kind;
        final Optional<AuthenticationStatus> answer;

        Feature(String kind, Optional<AuthenticationStatus> answer) {
            this.kind = kind;
            this.answer = answer;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public Optional<AuthenticationStatus> resume(HttpServletRequest request, HttpMessageContext context,
                CallbackResult.Identified identified, String ticketHash) {
            calls.add(kind + " resumes " + identified.identity().openId() + " with " + ticketHash);
            return answer;
        }
    }

    CallbackEntryTest() {
        policy("bind");
        entry.flow = new LoginFlow() {
            @Override
            public CallbackResult complete(HttpServletRequest request, HttpServletResponse response) {
                calls.add("flow.complete");
                return callback;
            }

            @Override
            public WeChatIdentity withProfile(CallbackResult.Identified identified) {
                calls.add("flow.withProfile");
                if (profileFailure != null) {
                    throw profileFailure;
                }
                return WITH_PROFILE;
            }
        };
        entry.ends = FakeLogin.ends(calls);
        entry.identityStores = new IdentityStoreHandler() {
            @Override
            public CredentialValidationResult validate(Credential credential) {
                WeChatIdentity id = ((WeChatCredential) credential).identity();
                calls.add("validate " + id.openId() + (id.unionId() == null ? "" : "+" + id.unionId()));
                return accounts.getOrDefault(id.openId() + "+" + id.unionId(), CredentialValidationResult.NOT_VALIDATED_RESULT);
            }
        };
        entry.tickets = new BindTicketStore() {
            @Override
            public String issue(WeChatIdentity identity, String browserHash, String returnTo) {
                calls.add("bind ticket for " + identity.openId() + " to " + returnTo);
                return "TICKET";
            }

            @Override
            public Optional<BindTicket> peek(String rawTicket, String browserHash) {
                throw new AssertionError();
            }

            @Override
            public TicketAttempt reserveAttempt(String rawTicket, String browserHash) {
                throw new AssertionError();
            }

            @Override
            public Optional<BindTicket> consume(String rawTicket, String browserHash) {
                throw new AssertionError();
            }
        };
        entry.bindings = new AccountBindingService() {
            @Override
            public Optional<String> unionIdConflictOf(WeChatIdentity id) {
                calls.add("unionIdConflictOf " + id.openId());
                return Optional.ofNullable(unionIdElsewhere.get(id.openId() + "+" + id.unionId()));
            }

            @Override
            public String register(WeChatIdentity id, Set<String> groups) {
                calls.add("register " + id.openId() + "+" + id.unionId() + " in " + groups);
                accounts.put(id.openId() + "+" + id.unionId(), new CredentialValidationResult("new-account"));
                return "new-account";
            }
        };
        entry.continuations = List.of(new Feature("link", Optional.empty()), new Feature("qr-confirm",
                Optional.of(AuthenticationStatus.SEND_CONTINUE)));
        entry.unionIds = new OfficialUnionIds() {
            @Override
            public Step complete(HttpServletRequest request, HttpServletResponse response, CallbackResult.Identified identified) {
                return unionIdStep.apply(identified);
            }
        };
    }

    /** What the official account's unionid step answers (step 2b); by default the login goes on as it is. */
    private java.util.function.Function<CallbackResult.Identified, OfficialUnionIds.Step> unionIdStep = OfficialUnionIds.Known::new;

    private void policy(String firstLogin) {
        entry.config = WeChatConfig.read(k -> Optional.ofNullable(Map.of("wechat.app-id", APP, "wechat.app-secret", "s3cret",
                "wechat.first-login", firstLogin, "wechat.scope", WeChatConfig.SCOPE_USERINFO, "wechat.default-groups", "user").get(k)));
    }

    private static CallbackResult identified(Continuation continuation) {
        Instant now = Instant.now();
        AuthorizationRequest request = new AuthorizationRequest("S", "b", APP, WeChatConfig.SCOPE_USERINFO,
                "https://portal.example/wxbind/wechat/callback", "/wxbind/app/", now, now.plusSeconds(600)).continuing(continuation);
        OAuthAccessToken token = new OAuthAccessToken("at", 7200, "rt", PERSON.openId(), Set.of(WeChatConfig.SCOPE_USERINFO), null, false);
        return new CallbackResult.Identified(PERSON, token, request);
    }

    private AuthenticationStatus handle() {
        HttpServletRequest request = new FakeHttp.Request().uri("/wxbind/wechat/callback").build();
        return entry.handle(request, new FakeHttp.Response().build(), FakeLogin.context(calls));
    }

    @Test
    void matchesOnlyTheCallbackPathWhateverTheMethod() {
        assertTrue(entry.matches(new FakeHttp.Request().uri("/wxbind/wechat/callback").build()));
        assertTrue(entry.matches(new FakeHttp.Request().method("POST").uri("/wxbind/wechat/callback").build()));
        assertFalse(entry.matches(new FakeHttp.Request().uri("/wxbind/wechat/callback/x").build()));
    }

    @Test
    void handleWhenFlowFailedThenItsProblemAndNoIdentityAsked() {
        callback = new CallbackResult.Failed(FlowProblem.STATE_MISMATCH, "another browser");
        assertEquals(AuthenticationStatus.NOT_DONE, handle());
        assertEquals(List.of("flow.complete", "problem state_mismatch"), calls);
    }

    @Test
    void handleWhenBoundThenLoggedInToTheReturnUrl() {
        accounts.put("o-person+null", new CredentialValidationResult("alice"));
        assertEquals(AuthenticationStatus.SUCCESS, handle());
        assertEquals(List.of("flow.complete", "validate o-person", "login alice via WECHAT to /wxbind/app/"), calls);
    }

    @Test
    void handleWhenBoundToDisabledAccountThenAccountUnavailable() {
        accounts.put("o-person+null", CredentialValidationResult.INVALID_RESULT);
        assertEquals(AuthenticationStatus.NOT_DONE, handle());
        assertEquals(List.of("flow.complete", "validate o-person", "unionIdConflictOf o-person", "problem account_unavailable"), calls);
    }

    @Test
    void handleWhenRefusedBecauseItsUnionIdIsOnAnotherAccountThenUnionIdConflictPage() {
        callback = new CallbackResult.Identified(WITH_PROFILE, ((CallbackResult.Identified) callback).token(),
                ((CallbackResult.Identified) callback).request());
        accounts.put("o-person+u-person", CredentialValidationResult.INVALID_RESULT);
        unionIdElsewhere.put("o-person+u-person", "first-account");
        assertEquals(AuthenticationStatus.NOT_DONE, handle());
        assertEquals(List.of("flow.complete", "validate o-person+u-person", "unionIdConflictOf o-person", "problem unionid_conflict"), calls);
    }

    @Test
    void handleWhenUnboundUnderBindPolicyThenBindTicketAndRedirectToTheForm() {
        assertEquals(AuthenticationStatus.SEND_CONTINUE, handle());
        assertEquals(List.of("flow.complete", "validate o-person", "bind ticket for o-person to /wxbind/app/",
                "redirect /wxbind/wechat/bind?ticket=TICKET"), calls);
    }

    @Test
    void handleWhenUnionIdStepAsksForConsentThenRedirectToWeChatAndNothingResolved() {
        unionIdStep = identified -> new OfficialUnionIds.Ask("https://open.weixin.qq.com/connect/oauth2/authorize?scope=snsapi_userinfo");
        assertEquals(AuthenticationStatus.SEND_CONTINUE, handle());
        assertEquals(List.of("flow.complete", "redirect https://open.weixin.qq.com/connect/oauth2/authorize?scope=snsapi_userinfo"), calls);
    }

    @Test
    void handleWhenUnionIdStepFoundTheUnionIdThenResolvedWithItBeforeTheBindTicket() {
        unionIdStep = identified -> new OfficialUnionIds.Known(new CallbackResult.Identified(WITH_PROFILE, identified.token(),
                identified.request()));
        assertEquals(AuthenticationStatus.SEND_CONTINUE, handle());
        assertEquals(List.of("flow.complete", "validate o-person+u-person", "bind ticket for o-person to /wxbind/app/",
                "redirect /wxbind/wechat/bind?ticket=TICKET"), calls);
    }

    @Test
    void handleWhenContinuationLetsTheLoginGoOnThenItIsAskedFirstThenTheUsualLogin() {
        callback = identified(new Continuation("link", "hash-of-link"));
        accounts.put("o-person+null", new CredentialValidationResult("alice"));
        assertEquals(AuthenticationStatus.SUCCESS, handle());
        assertEquals(List.of("flow.complete", "link resumes o-person with hash-of-link", "validate o-person",
                "login alice via WECHAT to /wxbind/app/"), calls);
    }

    @Test
    void handleWhenContinuationAnswersThenThatIsTheAnswerAndNobodyLogsIn() {
        callback = identified(new Continuation("qr-confirm", "hash-of-confirm"));
        accounts.put("o-person+null", new CredentialValidationResult("alice"));
        assertEquals(AuthenticationStatus.SEND_CONTINUE, handle());
        assertEquals(List.of("flow.complete", "qr-confirm resumes o-person with hash-of-confirm"), calls);
    }

    @Test
    void handleWhenNoFeatureServesTheKindThenStaleLoginAndNobodyLogsIn() {
        callback = identified(new Continuation("mini-program", "hash"));
        accounts.put("o-person+null", new CredentialValidationResult("alice"));
        assertEquals(AuthenticationStatus.NOT_DONE, handle());
        assertEquals(List.of("flow.complete", "problem authorization_request_not_found"), calls);
    }

    @Test
    void handleWhenUnboundUnderRegisterPolicyThenProfileFetchedAccountCreatedAndLoggedInAsRegistered() {
        policy("register");
        assertEquals(AuthenticationStatus.SUCCESS, handle());
        assertEquals(List.of("flow.complete", "validate o-person", "flow.withProfile", "validate o-person+u-person",
                "register o-person+u-person in [user]", "validate o-person+u-person", "login new-account via WECHAT_REGISTER to /wxbind/app/"),
                calls);
    }

    @Test
    void handleWhenProfileUnionIdAlreadyBoundThenLoggedInWithoutNewAccountOrRefusedIfDisabled() {
        policy("register");
        accounts.put("o-person+u-person", new CredentialValidationResult("bob"));
        assertEquals(AuthenticationStatus.SUCCESS, handle());
        assertEquals("login bob via WECHAT to /wxbind/app/", calls.get(calls.size() - 1));
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("register")), calls.toString());

        calls.clear();
        accounts.put("o-person+u-person", CredentialValidationResult.INVALID_RESULT);
        assertEquals(AuthenticationStatus.NOT_DONE, handle());
        assertEquals("problem account_unavailable", calls.get(calls.size() - 1));
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("register")), calls.toString());

        calls.clear();
        unionIdElsewhere.put("o-person+u-person", "first-account");
        assertEquals(AuthenticationStatus.NOT_DONE, handle());
        assertEquals("problem unionid_conflict", calls.get(calls.size() - 1));
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("register")), "a conflict never creates a third account: " + calls);
    }

    @Test
    void handleWhenProfileFetchFailsThenWeChatProblemOfferingToStartAgain() {
        policy("register");
        WeChatApiException refused = new WeChatApiException("sns/userinfo", 40003, "invalid openid");
        profileFailure = refused;
        assertEquals(AuthenticationStatus.NOT_DONE, handle());
        assertEquals("problem " + FlowProblem.of(refused).code() + " again to /wxbind/app/", calls.get(calls.size() - 1));

        calls.clear();
        profileFailure = new WeChatUnavailableException("timeout");
        assertEquals(AuthenticationStatus.NOT_DONE, handle());
        assertEquals(List.of("flow.complete", "validate o-person", "flow.withProfile", "problem wechat_unavailable again to /wxbind/app/"),
                calls);
    }
}
