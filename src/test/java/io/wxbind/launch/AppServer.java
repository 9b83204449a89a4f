package io.wxbind.launch;

import java.util.Locale;

/** The application servers the launcher can run the app on. */
public enum AppServer {
    PAYARA, WILDFLY;

    /** The system property that picks the server of the shared test stack. */
    public static final String PROPERTY = "wxbind.it.server";

    /** {@value #PROPERTY} ({@code payara} unless set; failsafe's second pass sets {@code wildfly}). */
    public static AppServer forTests() {
        String value = System.getProperty(PROPERTY, "payara").trim();
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be payara or wildfly, not " + value, e);
        }
    }

    public String displayName() {
        return this == PAYARA ? "Payara Micro" : "WildFly";
    }
}
