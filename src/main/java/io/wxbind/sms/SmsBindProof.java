package io.wxbind.sms;

import io.wxbind.auth.BindProof;
import io.wxbind.auth.LoginMethod;
import io.wxbind.guard.GuessSubject;
import io.wxbind.util.SecureTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Phone + SMS code on the bind form (step 6 of this package's flow): chosen by the form's
 * {@code smsCode} field; the code, asked for with this ticket, names the account that owns the
 * phone. While SMS is off (no {@link SmsSender}) such a form is incomplete, never a password form.
 */
@ApplicationScoped
@Priority(100)
public class SmsBindProof implements BindProof {

    /** Logged in by binding WeChat with a phone number and an SMS code. */
    public static final LoginMethod METHOD = new LoginMethod("WECHAT_BIND_SMS", "Phone and SMS code, then WeChat bound to the account");


    static final String WRONG_SMS_CODE = "wrong_sms_code";

    @Inject
    SmsCodeService sms;

    @Override
    public boolean chosen(HttpServletRequest request) {
        return request.getParameter("smsCode") != null;
    }

    @Override
    public Optional<Claim> claim(HttpServletRequest request) {
        if (!sms.available()) {
            return Optional.empty();
        }
        return SmsProof.parse(request.getParameter("phone"), request.getParameter("smsCode"))
                .map(p -> new Claim(GuessSubject.phone(p.phone()), null, "sms"));
    }

    @Override
    public Verdict prove(HttpServletRequest request, String rawTicket, int triesLeft) {
        VerifyResult result = sms.verify(request.getParameter("phone"), request.getParameter("smsCode"), SecureTokens.sha256Hex(rawTicket));
        if (result instanceof VerifyResult.Verified v) {
            return new Verdict.Proven(new CredentialValidationResult(v.callerName()), METHOD);
        }
        return new Verdict.Wrong(((VerifyResult.Failed) result).message(), WRONG_SMS_CODE);
    }
}
