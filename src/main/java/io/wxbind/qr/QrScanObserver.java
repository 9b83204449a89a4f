package io.wxbind.qr;

import io.wxbind.push.PushReceived;
import io.wxbind.push.ScanEvent;
import io.wxbind.push.SubscribeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** QR scenes are one observer of the push among others: a scan of one of ours asks the scanner to confirm. */
@ApplicationScoped
public class QrScanObserver {

    @Inject
    QrScanHandler scans;

    void onPush(@Observes PushReceived push) {
        String sceneKey = null;
        if (push.event() instanceof SubscribeEvent s) {
            sceneKey = s.sceneKey();
        } else if (push.event() instanceof ScanEvent s) {
            sceneKey = s.sceneKey();
        }
        if (sceneKey != null) {
            scans.onScan(push.event().appId(), push.event().openId(), sceneKey).ifPresent(push::replyText);
        }
    }
}
