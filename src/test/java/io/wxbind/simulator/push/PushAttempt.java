package io.wxbind.simulator.push;

/**
 * One HTTP delivery of a push and how it ended. {@code httpStatus} is 0 when no answer came;
 * {@code reply} is set only for an accepted answer that carried a passive reply; {@code problem}
 * explains every outcome but {@link Outcome#ACCEPTED}.
 */
public record PushAttempt(int number, Outcome outcome, int httpStatus, long elapsedMs, String problem,
        PassiveReply reply) {

    public enum Outcome {
        /** 200 with {@code success}, an empty body or a valid passive reply. */
        ACCEPTED,
        /** No answer within the timeout (5 s like WeChat). */
        TIMEOUT,
        /** Connection refused, reset, or another I/O failure. */
        UNREACHABLE,
        /** An HTTP status other than 200. */
        HTTP_ERROR,
        /** 200, but neither {@code success} nor a reply WeChat accepts. */
        INVALID_REPLY
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
