package io.wxbind.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.auth.BindProof;
import io.wxbind.auth.LoginMethod;
import io.wxbind.guard.LimitScope;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.util.SecureTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Phone + SMS code as a bind proof: which forms choose it, what they claim, and the code checked with this ticket. */
class SmsBindProofTest {

    private static final String TICKET = "T".repeat(43);

    private final List<String> calls = new ArrayList<>();
    private boolean available = true;
    private VerifyResult result = new VerifyResult.Failed(VerifyResult.Reason.WRONG_CODE, 3);

    private final SmsBindProof proof = new SmsBindProof();

    SmsBindProofTest() {
        proof.sms = new SmsCodeService() {
            @Override
            public boolean available() {
                return available;
            }

            @Override
            public VerifyResult verify(String phone, String code, String ticketHash) {
                calls.add(phone + " " + code + " " + ticketHash);
                return result;
            }
        };
    }

    private static HttpServletRequest form(String... nameValues) {
        FakeHttp.Request r = new FakeHttp.Request().method("POST").uri("/wxbind/wechat/bind");
        for (int i = 0; i < nameValues.length; i += 2) {
            r.param(nameValues[i], nameValues[i + 1]);
        }
        return r.build();
    }

    @Test
    void chosenWhenSmsCodeFieldSentEvenEmptyElseNot() {
        assertTrue(proof.chosen(form("phone", "138", "smsCode", "")));
        assertFalse(proof.chosen(form("username", "bob", "password", "x")));
    }

    @Test
    void claimWhenWellFormedThenThePhoneIsTheAccountTheLimitCounts() {
        BindProof.Claim claim = proof.claim(form("phone", "138 0000 0002", "smsCode", "123 456")).orElseThrow();
        assertEquals(LimitScope.ACCOUNT, claim.account().scope());
        assertEquals("phone:+8613800000002", claim.account().key());
        assertEquals("sms", claim.method());
        assertEquals(null, claim.auditAccount(), "no phone number in the audit log");
    }

    @Test
    void claimWhenMalformedOrSmsOffThenEmpty() {
        assertEquals(Optional.empty(), proof.claim(form("phone", "13800000002", "smsCode", "12")));
        assertEquals(Optional.empty(), proof.claim(form("phone", "call me", "smsCode", "123456")));
        available = false;
        assertEquals(Optional.empty(), proof.claim(form("phone", "13800000002", "smsCode", "123456")));
        assertTrue(calls.isEmpty());
    }

    @Test
    void proveWhenWrongThenTheCodesOwnSentenceAndWrongSmsCode() {
        BindProof.Verdict.Wrong wrong = assertInstanceOf(BindProof.Verdict.Wrong.class,
                proof.prove(form("phone", "138 0000 0002", "smsCode", "123 456"), TICKET, 4));
        assertEquals("Wrong code. 3 tries left.", wrong.message());
        assertEquals("wrong_sms_code", wrong.auditReason());
        assertEquals(List.of("138 0000 0002 123 456 " + SecureTokens.sha256Hex(TICKET)), calls, "checked with this ticket's hash");
    }

    @Test
    void proveWhenVerifiedThenTheAccountThatOwnsThePhoneBySms() {
        result = new VerifyResult.Verified("carol");
        BindProof.Verdict.Proven proven = assertInstanceOf(BindProof.Verdict.Proven.class,
                proof.prove(form("phone", "13800000002", "smsCode", "654321"), TICKET, 4));
        assertEquals("carol", proven.caller().getCallerPrincipal().getName());
        assertEquals(SmsBindProof.METHOD, proven.method());
    }
}
