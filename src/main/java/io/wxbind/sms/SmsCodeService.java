package io.wxbind.sms;

import io.wxbind.config.SmsConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * SMS codes for the bind page (see the package's sequence diagram): {@link #send} step 1-5,
 * {@link #verify} step 6. Never tells whether a phone belongs to an account: an unknown phone
 * gets the same answer, the same throttles and a stored (unusable) code, but no SMS.
 *
 * <p>Not transactional itself: the store commits before the SMS is handed to the sender, so
 * nobody receives a code that a failed commit lost.
 */
@ApplicationScoped
public class SmsCodeService {

    private static final Logger LOG = Logger.getLogger(SmsCodeService.class.getName());
    /** Longer "IP addresses" (forged headers, IPv6 zones) are cut: the column is bounded. */
    static final int MAX_IP = 64;

    @Inject
    SmsConfig config;

    @Inject
    SmsCodeStore store;

    @Inject
    PhoneAccountResolver accounts;

    @Inject
    SmsDelivery delivery;

    private SmsCodeHasher hasher;

    @PostConstruct
    void init() {
        hasher = new SmsCodeHasher(config.pepper());
    }

    /** Whether SMS binding is on (an {@link SmsSender} is deployed); the bind page shows the phone form only then. */
    public boolean available() {
        return delivery.available();
    }

    /**
     * Steps 1-5: a new code for {@code phone} (as typed), throttled per phone and per
     * {@code clientIp}, that will verify only with the bind ticket {@code ticketHash} (SHA-256).
     */
    public SendResult send(String phone, String clientIp, String ticketHash) {
        if (!available()) {
            return new SendResult.Unavailable();
        }
        String e164;
        try {
            e164 = PhoneNumbers.normalise(phone);
        } catch (IllegalArgumentException e) {
            return new SendResult.InvalidPhone(e.getMessage());
        }
        boolean registered = accounts.accountFor(e164).isPresent();
        String code = SmsCodeHasher.newCode();
        String hash = registered ? hasher.hash(e164, code) : SmsCodeHasher.unusableHash();
        SendResult result = store.issue(e164, ip(clientIp), hash, ticketHash);
        if (result instanceof SendResult.Sent && registered) {
            delivery.deliver(e164, text(code));
        }
        if (result instanceof SendResult.Throttled t) {
            LOG.fine(() -> "SMS code refused by " + t.limit() + " for " + PhoneNumbers.masked(e164));
        }
        return result;
    }

    /**
     * Step 6: whether {@code code} is the pending code of {@code phone} (both as typed) asked for
     * with the bind ticket {@code ticketHash}. A match uses the code up and names the account;
     * every wrong code counts against the code's tries; with another ticket there is no code.
     */
    public VerifyResult verify(String phone, String code, String ticketHash) {
        Optional<SmsProof> proof = SmsProof.parse(phone, code);
        if (proof.isEmpty()) {
            return new VerifyResult.Failed(VerifyResult.Reason.MALFORMED, 0);
        }
        String e164 = proof.get().phone();
        SmsCodeStore.CodeCheck check = store.check(e164, hasher.hash(e164, proof.get().code()), ticketHash);
        return switch (check.status()) {
            case MATCHED -> accounts.accountFor(e164).<VerifyResult>map(VerifyResult.Verified::new)
                    // the number left its account within the code's lifetime: the code proves nothing now
                    .orElse(new VerifyResult.Failed(VerifyResult.Reason.NO_CODE, 0));
            case WRONG -> new VerifyResult.Failed(VerifyResult.Reason.WRONG_CODE, check.triesLeft());
            case BURNT -> new VerifyResult.Failed(VerifyResult.Reason.TOO_MANY_TRIES, 0);
            case EXPIRED -> new VerifyResult.Failed(VerifyResult.Reason.EXPIRED, 0);
            case NONE -> new VerifyResult.Failed(VerifyResult.Reason.NO_CODE, 0);
        };
    }

    private String text(String code) {
        long minutes = Math.max(1, config.codeTtl().toMinutes());
        return "WxBind: your code is " + code + ". It links your WeChat to your account and expires in " + minutes
                + (minutes == 1 ? " minute" : " minutes") + ". Do not share it.";
    }

    private static String ip(String clientIp) {
        if (clientIp == null || clientIp.isBlank()) {
            return "unknown";
        }
        return clientIp.length() > MAX_IP ? clientIp.substring(0, MAX_IP) : clientIp;
    }
}
