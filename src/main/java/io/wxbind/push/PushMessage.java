package io.wxbind.push;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one push XML (protocol §6.2) as strings, before they become a typed
 * {@link WeChatPushEvent}. Also the envelope of an encrypted push (§7.4), which has only
 * {@code ToUserName} and {@code Encrypt}.
 */
public record PushMessage(Map<String, String> fields) {

    public static final String TO_USER = "ToUserName";
    public static final String FROM_USER = "FromUserName";
    public static final String CREATE_TIME = "CreateTime";
    public static final String MSG_TYPE = "MsgType";
    public static final String EVENT = "Event";
    public static final String EVENT_KEY = "EventKey";
    public static final String TICKET = "Ticket";
    public static final String CONTENT = "Content";
    public static final String MSG_ID = "MsgId";
    public static final String ENCRYPT = "Encrypt";

    public PushMessage {
        fields = Map.copyOf(fields);
    }

    /** The field's value, empty when missing or blank (WeChat sends {@code <EventKey><![CDATA[]]></EventKey>} too). */
    public Optional<String> get(String name) {
        String v = fields.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** A field every message must have; missing is a 400. */
    public String required(String name) {
        return get(name).orElseThrow(() -> PushRejectedException.badRequest("push XML lacks " + name));
    }

    /** A whole number field such as {@code CreateTime} or {@code MsgId}; missing or garbled is a 400. */
    public long number(String name) {
        try {
            return Long.parseLong(required(name).strip());
        } catch (NumberFormatException e) {
            throw PushRejectedException.badRequest("push XML has a bad " + name);
        }
    }

    public boolean isEvent() {
        return "event".equalsIgnoreCase(required(MSG_TYPE).strip());
    }

    /** {@code Event} in lower case: WeChat mixes {@code subscribe} and {@code SCAN} (§6.2). */
    public String eventLowerCase() {
        return get(EVENT).map(e -> e.strip().toLowerCase(Locale.ROOT)).orElse("");
    }

    /**
     * What makes a retry the same message (§6.3): {@code MsgId} for messages, else WxJava's
     * {@code FromUserName + CreateTime + Event + EventKey} (an unsubscribe can arrive twice with
     * only these equal). Sender and time are added to the {@code MsgId} as WxJava does since
     * binarywang/WxJava#333 (one MsgId seen for several senders). Stored hashed, see {@link PushDedupeStore}.
     */
    public String dedupeKey() {
        Optional<String> msgId = get(MSG_ID);
        if (msgId.isPresent()) {
            return "msg|" + msgId.get().strip() + "|" + required(FROM_USER) + "|" + number(CREATE_TIME);
        }
        return "evt|" + required(FROM_USER) + "|" + number(CREATE_TIME) + "|" + eventLowerCase() + "|" + get(EVENT_KEY).orElse("");
    }

    @Override
    public String toString() {
        return "PushMessage" + fields.keySet(); // field names only: values hold openids and user text
    }
}
