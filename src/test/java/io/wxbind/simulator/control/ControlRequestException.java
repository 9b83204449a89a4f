package io.wxbind.simulator.control;

/** A control-API request the simulator refuses; mapped to {@code {"error","message"}} JSON. */
public class ControlRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ControlRequestException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
