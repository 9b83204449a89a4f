package io.wxbind.push;

import java.time.Instant;

/**
 * Turns verified push fields into the typed {@link WeChatPushEvent} (protocol §6.2). The appid is
 * the endpoint's, never a field; {@code Event} values are compared ignoring case because WeChat
 * sends {@code subscribe} next to {@code SCAN}.
 */
final class PushEventMapper {

    static final String QR_SCENE_PREFIX = "qrscene_";

    private PushEventMapper() {
    }

    static WeChatPushEvent toEvent(String appId, PushMessage m) {
        String openId = m.required(PushMessage.FROM_USER);
        String account = m.required(PushMessage.TO_USER);
        Instant created = Instant.ofEpochSecond(m.number(PushMessage.CREATE_TIME));
        String msgType = m.required(PushMessage.MSG_TYPE).strip();
        String key = m.get(PushMessage.EVENT_KEY).orElse(null);
        String ticket = m.get(PushMessage.TICKET).orElse(null);
        if (!m.isEvent()) {
            return "text".equalsIgnoreCase(msgType)
                    ? new TextMessageEvent(appId, openId, account, created, m.get(PushMessage.CONTENT).orElse(""),
                            m.number(PushMessage.MSG_ID))
                    : new OtherPushEvent(appId, openId, account, created, msgType, null);
        }
        return switch (m.eventLowerCase()) {
            case "subscribe" -> new SubscribeEvent(appId, openId, account, created, sceneOfSubscribe(key), ticket);
            case "unsubscribe" -> new UnsubscribeEvent(appId, openId, account, created);
            case "scan" -> new ScanEvent(appId, openId, account, created, key, ticket);
            case "click" -> new ClickEvent(appId, openId, account, created, key);
            case "view" -> new ViewEvent(appId, openId, account, created, key);
            default -> new OtherPushEvent(appId, openId, account, created, msgType, m.get(PushMessage.EVENT).orElse(null));
        };
    }

    /** {@code qrscene_X} → X; missing or empty (a plain follow) → null; anything else as sent. */
    static String sceneOfSubscribe(String eventKey) {
        if (eventKey == null) {
            return null;
        }
        String scene = eventKey.startsWith(QR_SCENE_PREFIX) ? eventKey.substring(QR_SCENE_PREFIX.length()) : eventKey;
        return scene.isEmpty() ? null : scene;
    }
}
