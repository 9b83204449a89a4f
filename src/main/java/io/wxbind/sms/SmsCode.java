package io.wxbind.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The one pending code of a phone (a new send replaces it). Only the HMAC of the code is kept,
 * so a database reader cannot use pending codes. The code works only with the bind ticket that
 * asked for it (its SHA-256 is kept): a code read off someone's phone is no use in another
 * browser. Burnt codes stay until they expire, so that later tries keep hearing "too many
 * tries" rather than "no code".
 */
@Entity
@Table(name = "wxbind_sms_code")
@NamedQuery(name = SmsCode.DELETE_EXPIRED, query = "delete from SmsCode c where c.expiresAt < :now")
public class SmsCode {

    /** For the purger: parameter {@code now}. */
    public static final String DELETE_EXPIRED = "SmsCode.deleteExpired";

    @Id
    @Column(name = "phone", length = 32)
    private String phone;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "ticket_hash", length = 64)
    private String ticketHash;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected SmsCode() {
    }

    SmsCode(String phone, String codeHash, String ticketHash, Instant createdAt, Instant expiresAt) {
        this.phone = phone;
        replace(codeHash, ticketHash, createdAt, expiresAt);
    }

    /** A new send: new code for a (maybe new) ticket, fresh tries, new lifetime. */
    void replace(String newHash, String newTicketHash, Instant now, Instant newExpiry) {
        this.codeHash = newHash;
        this.ticketHash = newTicketHash;
        this.failedAttempts = 0;
        this.createdAt = now;
        this.expiresAt = newExpiry;
    }

    String codeHash() {
        return codeHash;
    }

    /** Null for codes sent before tickets were recorded: they match no ticket. */
    String ticketHash() {
        return ticketHash;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    void recordFailure() {
        failedAttempts++;
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
