package io.wxbind.bench.load;

/**
 * What each simulated user does, over and over. {@link #forUser} runs once per user before the
 * clock starts (e.g. logging that user in); the returned {@link Action} is one measured operation.
 * An action proves its own success: it throws {@link CheckFailed} when a response is not the one
 * expected, and that counts as an error, never as a completed operation.
 */
@FunctionalInterface
public interface Scenario {

    Action forUser(int user);

    @FunctionalInterface
    interface Action {
        void run();
    }

    /** A response that was not the expected one. */
    final class CheckFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public CheckFailed(String message) {
            super(message, null, false, false);
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new CheckFailed(what);
        }
    }
}
