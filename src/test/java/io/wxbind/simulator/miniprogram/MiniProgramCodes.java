package io.wxbind.simulator.miniprogram;

import io.wxbind.simulator.oauth.AuthCodes;
import io.wxbind.simulator.oauth.CodeGrant;
import java.time.Clock;
import java.util.function.ToIntFunction;

/**
 * The two kinds of code a mini program's client hands its server, each single use and valid 5
 * minutes for one (app, person) (protocol §3.1, §3.5): {@code wx.login} codes for jscode2session
 * and phone-button codes for getuserphonenumber. Each kind has its own {@link AuthCodes} store, so
 * neither is accepted where the other (or an OAuth code) belongs.
 */
public final class MiniProgramCodes {

    static final String LOGIN = "wx.login";
    static final String PHONE = "getPhoneNumber";

    private final AuthCodes login;
    private final AuthCodes phone;

    public MiniProgramCodes(Clock clock) {
        this.login = new AuthCodes(clock);
        this.phone = new AuthCodes(clock);
    }

    public String issueLogin(String appId, String personId) {
        return login.issue(new CodeGrant(appId, personId, LOGIN, false));
    }

    public String issuePhone(String appId, String personId) {
        return phone.issue(new CodeGrant(appId, personId, PHONE, false));
    }

    /** 40029 unknown/expired/other app, 40163 used, else {@code check}'s errcode (code kept) or the grant. */
    public AuthCodes.Redemption redeemLogin(String code, String appId, ToIntFunction<CodeGrant> check) {
        return login.redeem(code, appId, check);
    }

    public AuthCodes.Redemption redeemPhone(String code, String appId, ToIntFunction<CodeGrant> check) {
        return phone.redeem(code, appId, check);
    }

    public void reset() {
        login.reset();
        phone.reset();
    }
}
