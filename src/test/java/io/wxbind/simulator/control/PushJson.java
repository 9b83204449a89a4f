package io.wxbind.simulator.control;

import io.wxbind.simulator.push.PassiveReply;
import io.wxbind.simulator.push.PushAttempt;
import io.wxbind.simulator.push.PushLog;
import io.wxbind.simulator.push.PushMessage;
import io.wxbind.simulator.push.PushTarget;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A push as the control API shows it: {@code {"pushId","appid","person","openid","msgType",
 * "event","eventKey"?,"msgId"?,"createTime","url","mode","deliveries","status":"delivered"|"failed",
 * "reply","replyMsgType"?,"problem"?,"attempts":[{"number","outcome","httpStatus","elapsedMs","problem"?}]}}.
 * {@code event} is null for text messages, {@code reply} null when the answer carried none.
 */
final class PushJson {

    private PushJson() {
    }

    static JsonObject of(PushLog.Entry entry) {
        PushMessage message = entry.message();
        PushTarget target = entry.target();
        JsonObjectBuilder json = Json.createObjectBuilder().add("pushId", entry.id()).add("appid", entry.appId())
                .add("person", entry.personId()).add("openid", message.fromUser()).add("msgType", message.msgType());
        addOrNull(json, "event", message.event());
        if (message.eventKey() != null) {
            json.add("eventKey", message.eventKey());
        }
        if (message.msgId() != null) {
            json.add("msgId", message.msgId());
        }
        json.add("createTime", message.createTime()).add("url", target.url()).add("mode", target.mode().key())
                .add("deliveries", entry.result().attempts().size())
                .add("status", entry.result().delivered() ? "delivered" : "failed");
        PassiveReply reply = entry.result().reply();
        addOrNull(json, "reply", reply == null ? null : reply.text());
        if (reply != null) {
            json.add("replyMsgType", reply.msgType()).add("replyEncrypted", reply.encrypted());
        }
        if (entry.result().failure() != null) {
            json.add("problem", entry.result().failure());
        }
        JsonArrayBuilder attempts = Json.createArrayBuilder();
        for (PushAttempt a : entry.result().attempts()) {
            JsonObjectBuilder attempt = Json.createObjectBuilder().add("number", a.number())
                    .add("outcome", a.outcome().name().toLowerCase()).add("httpStatus", a.httpStatus())
                    .add("elapsedMs", a.elapsedMs());
            if (a.problem() != null) {
                attempt.add("problem", a.problem());
            }
            attempts.add(attempt);
        }
        return json.add("attempts", attempts).add("at", entry.at().toString()).build();
    }

    private static void addOrNull(JsonObjectBuilder json, String key, String value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value);
        }
    }
}
