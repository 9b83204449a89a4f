package io.wxbind.sms;

import io.wxbind.config.SmsConfig;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One accepted send, for the throttles: kept in PostgreSQL so every node counts the same
 * sends, and only for the throttle window ({@link SmsConfig#THROTTLE_WINDOW}) before the purger
 * drops it. Sends to phones without an account are logged too, so throttling cannot tell them apart.
 */
@Entity
@Table(name = "wxbind_sms_send")
@NamedQuery(name = SmsSend.PHONE_SENDS_SINCE,
        query = "select s.sentAt from SmsSend s where s.phone = :phone and s.sentAt > :since order by s.sentAt desc")
@NamedQuery(name = SmsSend.IP_SENDS_SINCE,
        query = "select s.sentAt from SmsSend s where s.clientIp = :ip and s.sentAt > :since order by s.sentAt desc")
@NamedQuery(name = SmsSend.DELETE_BEFORE, query = "delete from SmsSend s where s.sentAt < :before")
public class SmsSend {

    static final String PHONE_SENDS_SINCE = "SmsSend.phoneSendsSince";
    static final String IP_SENDS_SINCE = "SmsSend.ipSendsSince";
    /** For the purger: parameter {@code before}. */
    public static final String DELETE_BEFORE = "SmsSend.deleteBefore";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "phone", nullable = false, length = 32)
    private String phone;

    @Column(name = "client_ip", nullable = false, length = 64)
    private String clientIp;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected SmsSend() {
    }

    SmsSend(String phone, String clientIp, Instant sentAt) {
        this.phone = phone;
        this.clientIp = clientIp;
        this.sentAt = sentAt;
    }
}
