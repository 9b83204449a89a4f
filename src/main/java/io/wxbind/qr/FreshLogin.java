package io.wxbind.qr;

import io.wxbind.auth.LoginMethod;
import io.wxbind.auth.SessionLogin;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the caller logged in recently enough to mint a bind QR: a stolen session (or a bearer
 * token, which never proves a person is present) must not add its holder's WeChat to the account.
 * A password or WeChat login within {@code wechat.qr.bind-fresh-login-seconds} counts.
 */
final class FreshLogin {

    private FreshLogin() {
    }

    static boolean isFresh(Optional<SessionLogin> login, Instant now, Duration window) {
        return login.filter(l -> l.method() != LoginMethod.API_TOKEN)
                .filter(l -> l.at() != null && l.at().plus(window).isAfter(now))
                .isPresent();
    }
}
