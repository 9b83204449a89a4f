package io.wxbind.rest;

import java.net.URL;
import java.security.CodeSource;

/**
 * Whether a class is one of WxBind's own: loaded from the same jar (or classes directory) as
 * WxBind. The package alone cannot tell, since a host may use {@code io.wxbind.*} names too
 * (the sample portal of the tests does); where a server gives no code source, the package decides.
 */
public final class OwnClasses {

    private static final String OWN_PACKAGE = "io.wxbind.";
    private static final String OWN_ROOT = rootOf(OwnClasses.class);

    private OwnClasses() {
    }

    public static boolean isOwn(Class<?> type) {
        if (type == null || !type.getName().startsWith(OWN_PACKAGE)) {
            return false;
        }
        String root = rootOf(type);
        return OWN_ROOT == null || root == null || OWN_ROOT.equals(root);
    }

    /**
     * The jar or classes directory a class came from. Some class loaders (Payara's, for
     * {@code WEB-INF/classes}) give each class file's own URL as its location: the class's path is cut off.
     */
    static String rootOf(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null) {
                return null;
            }
            String root = location.toString();
            String classFile = type.getName().replace('.', '/') + ".class";
            if (root.endsWith(classFile)) {
                root = root.substring(0, root.length() - classFile.length());
            }
            return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        } catch (SecurityException e) {
            return null;
        }
    }
}
