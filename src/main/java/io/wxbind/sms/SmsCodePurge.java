package io.wxbind.sms;

import io.wxbind.db.NamedDelete;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Expired SMS codes, for {@code io.wxbind.db.FlowStatePurger}. */
@ApplicationScoped
public class SmsCodePurge extends NamedDelete {

    public SmsCodePurge() {
        super("SMS codes", SmsCode.DELETE_EXPIRED, "now", Duration.ZERO);
    }
}
