package io.wxbind.sms;

import io.wxbind.config.SmsConfig;
import io.wxbind.db.NamedDelete;
import jakarta.enterprise.context.ApplicationScoped;

/** SMS send-log rows older than the throttle window (nothing counts them any more), for {@code io.wxbind.db.FlowStatePurger}. */
@ApplicationScoped
public class SmsSendPurge extends NamedDelete {

    public SmsSendPurge() {
        super("SMS send-log rows", SmsSend.DELETE_BEFORE, "before", SmsConfig.THROTTLE_WINDOW);
    }
}
