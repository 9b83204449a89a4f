package io.wxbind.rest;

import java.net.URL;
import java.security.CodeSource;
import java.util.Objects;

/**
 * Whether a class is one of WxBind's own: loaded from the same jar (or classes directory) as
 * WxBind. The package alone cannot tell, since a host may use {@code io.wxbind.*} names too
 * (the sample portal of the tests does); where a server gives no code source, the package decides.
 */
final class OwnClasses {

    private static final String OWN_PACKAGE = "io.wxbind.";
    private static final URL OWN_LOCATION = locationOf(OwnClasses.class);

    private OwnClasses() {
    }

    static boolean isOwn(Class<?> type) {
        if (type == null || !type.getName().startsWith(OWN_PACKAGE)) {
            return false;
        }
        URL location = locationOf(type);
        return OWN_LOCATION == null || location == null || Objects.equals(OWN_LOCATION.toString(), location.toString());
    }

    private static URL locationOf(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null ? null : source.getLocation();
        } catch (SecurityException e) {
            return null;
        }
    }
}
