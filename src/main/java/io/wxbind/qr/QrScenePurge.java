package io.wxbind.qr;

import io.wxbind.db.NamedDelete;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * QR scenes an hour after they expired ({@link QrScene#KEPT_AFTER_EXPIRY}: the per-address count
 * and late status polls still see them), for {@code io.wxbind.db.FlowStatePurger}.
 */
@ApplicationScoped
public class QrScenePurge extends NamedDelete {

    public QrScenePurge() {
        super("QR scenes", QrScene.DELETE_EXPIRED_BEFORE, "before", QrScene.KEPT_AFTER_EXPIRY);
    }
}
