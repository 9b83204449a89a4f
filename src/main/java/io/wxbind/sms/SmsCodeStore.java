package io.wxbind.sms;

/**
 * Pending codes and the send log, shared by every node. Sees only hashes: making codes,
 * hashing them and deciding whom to send to is {@link SmsCodeService}'s job.
 */
public interface SmsCodeStore {

    /**
     * Checks the throttles; if they allow it, logs the send and makes {@code codeHash} the phone's
     * only pending code (any older one is gone), usable only with the ticket {@code ticketHash}.
     *
     * @return {@link SendResult.Sent} or {@link SendResult.Throttled}
     */
    SendResult issue(String phone, String clientIp, String codeHash, String ticketHash);

    /**
     * Compares {@code candidateHash} with the phone's pending code; a match uses the code up. A
     * code asked for with another ticket is {@code NONE}: not compared, no try counted on it,
     * nothing told about it.
     */
    CodeCheck check(String phone, String candidateHash, String ticketHash);

    /** What {@link #check} found; {@code triesLeft} after counting this try. */
    record CodeCheck(Status status, int triesLeft) {

        /** Outcome of one try. */
        public enum Status { MATCHED, WRONG, EXPIRED, BURNT, NONE }
    }
}
