package io.wxbind.simulator.miniprogram;

import io.wxbind.simulator.oauth.AuthCodes;
import io.wxbind.simulator.oauth.CodeGrant;
import io.wxbind.simulator.oauth.OAuthScopes;
import io.wxbind.simulator.people.PhoneNumber;
import io.wxbind.simulator.people.SimPhones;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What WeChat's client produces for a developer's mini program or mobile app, which the control
 * API hands to tests and the demo: a {@code wx.login} code, a phone-button code, the legacy
 * encrypted phone data, and a mobile app's SDK authorization code. The SDK ({@code SendAuth},
 * scope {@code snsapi_userinfo}) code goes to the OAuth code store, since the app redeems it at
 * sns/oauth2/access_token like a website's code (protocol §1.3, §2).
 */
public final class ClientActions {

    public static final Duration CODE_TTL = AuthCodes.TTL;

    /** A phone code and the number it will reveal. */
    public record PhoneCode(String code, PhoneNumber phone) {
    }

    private final Clock clock;
    private final MiniProgramCodes miniProgramCodes;
    private final AuthCodes oauthCodes;
    private final SessionKeys sessionKeys;
    private final SimPhones phones;

    public ClientActions(Clock clock, MiniProgramCodes miniProgramCodes, AuthCodes oauthCodes,
            SessionKeys sessionKeys, SimPhones phones) {
        this.clock = clock;
        this.miniProgramCodes = miniProgramCodes;
        this.oauthCodes = oauthCodes;
        this.sessionKeys = sessionKeys;
        this.phones = phones;
    }

    public String wxLogin(String appId, String personId) {
        return miniProgramCodes.issueLogin(appId, personId);
    }

    public String mobileLogin(String appId, String personId) {
        return oauthCodes.issue(new CodeGrant(appId, personId, OAuthScopes.USERINFO, false));
    }

    public PhoneCode phoneCode(String appId, String personId) {
        return new PhoneCode(miniProgramCodes.issuePhone(appId, personId), phones.of(personId));
    }

    /** The phone data encrypted under the current session_key; empty before the first jscode2session. */
    public Optional<EncryptedData> encryptedPhone(String appId, String personId) {
        return sessionKeys.current(appId, personId).map(key -> EncryptedData.encrypt(
                PhoneData.legacy(phones.of(personId), appId, clock.instant()).toString(), key));
    }
}
