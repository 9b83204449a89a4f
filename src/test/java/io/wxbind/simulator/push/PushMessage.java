package io.wxbind.simulator.push;

/**
 * One message or event a person sends to an official account, as WeChat pushes it (protocol
 * §6.2). {@code toUser} is the account's {@code gh_} id, {@code fromUser} the person's openid.
 * Retries re-send the same value: same {@code CreateTime}, same {@code MsgId}. Null fields are
 * left out of the XML.
 */
public record PushMessage(String toUser, String fromUser, long createTime, String msgType, String event,
        String eventKey, String ticket, String content, Long msgId) {

    public static final String SUBSCRIBE = "subscribe";
    public static final String UNSUBSCRIBE = "unsubscribe";
    public static final String SCAN = "SCAN";
    public static final String CLICK = "CLICK";
    public static final String VIEW = "VIEW";

    public static PushMessage event(String toUser, String fromUser, long createTime, String event, String eventKey,
            String ticket) {
        return new PushMessage(toUser, fromUser, createTime, "event", event, eventKey, ticket, null, null);
    }

    public static PushMessage text(String toUser, String fromUser, long createTime, String content, long msgId) {
        return new PushMessage(toUser, fromUser, createTime, "text", null, null, null, content, msgId);
    }

    public boolean isEvent() {
        return "event".equals(msgType);
    }

    /** The plaintext XML, fields in the order of the documented examples. */
    public String xml() {
        PushXml xml = PushXml.start().text("ToUserName", toUser).text("FromUserName", fromUser)
                .number("CreateTime", createTime).text("MsgType", msgType);
        if (event != null) {
            xml.text("Event", event);
        }
        if (eventKey != null) {
            xml.text("EventKey", eventKey);
        }
        if (ticket != null) {
            xml.text("Ticket", ticket);
        }
        if (content != null) {
            xml.text("Content", content);
        }
        if (msgId != null) {
            xml.number("MsgId", msgId);
        }
        return xml.end();
    }

    /** A short description for logs and the control API, e.g. {@code event/SCAN} or {@code text}. */
    public String kind() {
        return isEvent() ? "event/" + event : msgType;
    }
}
