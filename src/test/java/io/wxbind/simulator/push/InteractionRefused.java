package io.wxbind.simulator.push;

/**
 * A person's action that WeChat would not allow (scanning an expired code, messaging an account
 * they do not follow, ...). {@code code} is a stable word for the control API and the phone page.
 */
public class InteractionRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public InteractionRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
