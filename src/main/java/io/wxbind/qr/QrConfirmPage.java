package io.wxbind.qr;

import io.wxbind.auth.flow.LoginProblem;

/** What the phone's confirm page shows: the question, a refusal, or how the answer ended. */
public sealed interface QrConfirmPage {

    /** Ask: Confirm or "Not me". */
    record Ask(ConfirmQuestion question) implements QrConfirmPage {
    }

    /** Expired, answered, another browser, a conflict: nothing was changed. */
    record Refused(LoginProblem problem) implements QrConfirmPage {
    }

    /** The answer was taken; {@code outcome} is the scene's new status (for tests and scripts). */
    record Done(int status, String outcome, String title, String text) implements QrConfirmPage {
    }
}
