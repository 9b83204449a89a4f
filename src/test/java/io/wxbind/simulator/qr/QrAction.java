package io.wxbind.simulator.qr;

import java.util.Arrays;
import java.util.Optional;

/** The four {@code action_name}s of {@code qrcode/create} (protocol §5.1). */
public enum QrAction {
    QR_SCENE(false, false),
    QR_STR_SCENE(false, true),
    QR_LIMIT_SCENE(true, false),
    QR_LIMIT_STR_SCENE(true, true);

    private final boolean permanent;
    private final boolean stringScene;

    QrAction(boolean permanent, boolean stringScene) {
        this.permanent = permanent;
        this.stringScene = stringScene;
    }

    public boolean permanent() {
        return permanent;
    }

    public boolean stringScene() {
        return stringScene;
    }

    public static Optional<QrAction> fromName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }
}
