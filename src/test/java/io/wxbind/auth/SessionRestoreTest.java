package io.wxbind.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.AccountState;
import io.wxbind.account.SecurityStamps;
import io.wxbind.account.StampCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session branch of the mechanism: a session stands while its stamp does, with the account's groups of now. */
class SessionRestoreTest {

    private final Map<String, Object> sessionAttributes = new HashMap<>();
    private final Map<String, Object> requestAttributes = new HashMap<>();
    private boolean invalidated;
    private final SessionRestore restore = new SessionRestore();

    SessionRestoreTest() {
        restore.stamps = new SecurityStamps() {
            @Override
            public StampCheck check(String account, String stamp) {
                if (!"current".equals(stamp)) {
                    return new StampCheck.Refused(StampCheck.Why.REVOKED);
                }
                return new StampCheck.Valid(new AccountState(account, true, Set.of("user", "auditor")));
            }
        };
    }

    private HttpServletRequest request(boolean withSession) {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getAttribute" -> sessionAttributes.get((String) a[0]);
                    case "invalidate" -> {
                        if (invalidated) {
                            throw new IllegalStateException("already invalidated");
                        }
                        invalidated = true;
                        yield null;
                    }
                    default -> null;
                });
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getSession" -> withSession ? session : null;
                    case "getAttribute" -> requestAttributes.get((String) a[0]);
                    case "setAttribute" -> requestAttributes.put((String) a[0], a[1]);
                    default -> null;
                });
    }

    private void stored(String stamp) {
        sessionAttributes.put(SessionLogin.class.getName(), new SessionLogin("alice", Set.of("user", "admin"), LoginMethod.WECHAT,
                Instant.parse("2026-11-21T10:00:00Z"), stamp));
    }

    @Test
    void currentWhenStampHoldsThenLoginWithTheAccountsGroupsNowOnTheRequest() {
        stored("current");
        SessionLogin login = restore.current(request(true)).orElseThrow();
        assertEquals(Set.of("user", "auditor"), login.groups(), "read again, not the groups frozen at login");
        assertEquals("alice", login.caller());
        assertEquals(login, requestAttributes.get(SessionLogin.class.getName()), "pages and /api/me see the same");
        assertFalse(invalidated);
    }

    @Test
    void currentWhenStampChangedOrMissingThenSessionEndedAndAnonymous() {
        for (String stamp : new String[] {"old", null}) {
            invalidated = false;
            stored(stamp);
            assertEquals(Optional.empty(), restore.current(request(true)));
            assertTrue(invalidated, "the session is ended, not only ignored");
            assertNull(requestAttributes.get(SessionLogin.class.getName()));
        }
        assertEquals(Optional.empty(), restore.current(request(true)), "a parallel request that already ended it is no error");
    }

    @Test
    void currentWhenNoSessionThenEmptyAndNothingCreated() {
        assertEquals(Optional.empty(), restore.current(request(false)));
        assertFalse(invalidated);
    }
}
