package io.wxbind.simulator.control;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SMS "sent" by the demo's SMS sender, which posts them here instead of to a real SMS
 * gateway, so tests and the demo can read verification codes. Oldest first, bounded.
 */
public final class SmsInbox {

    static final int MAX_MESSAGES = 1000;
    public static final int MAX_TEXT = 1000;
    public static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{2,31}");

    /** One SMS; {@code id} increases in sending order. */
    public record Sms(long id, String phone, String text, Instant at) {
    }

    private final Clock clock;
    private final Deque<Sms> messages = new ArrayDeque<>();
    private long nextId = 1;

    public SmsInbox(Clock clock) {
        this.clock = clock;
    }

    public synchronized Sms add(String phone, String text) {
        Sms sms = new Sms(nextId++, phone, text, clock.instant());
        messages.addLast(sms);
        while (messages.size() > MAX_MESSAGES) {
            messages.removeFirst();
        }
        return sms;
    }

    /** Messages to {@code phone} (all when null), oldest first, so the newest is last. */
    public synchronized List<Sms> list(String phone) {
        return messages.stream().filter(m -> phone == null || m.phone().equals(phone)).toList();
    }

    public synchronized void reset() {
        messages.clear();
    }
}
