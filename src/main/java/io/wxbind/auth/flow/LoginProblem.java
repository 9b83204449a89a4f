package io.wxbind.auth.flow;

import java.util.Locale;

/**
 * Something that stops a login, shown as a page (or JSON under {@code /api/}): the core flow's are
 * {@link FlowProblem}; each feature package brings its own enum, so the flow names none of them.
 * A client's mistake is a 4xx; WeChat failing is a 502/503; never a 500.
 */
public interface LoginProblem {

    /** The status of the page and what it says to a person. */
    record Wording(int status, String title, String message) {
    }

    /** The enum constant's name: each problem is an enum constant. */
    String name();

    Wording wording();

    /** Stable, lower-case: for logs, the audit log and tests; never changes with the wording. */
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    default int status() {
        return wording().status();
    }

    default String title() {
        return wording().title();
    }

    /** What happened and how to go on, for a person. */
    default String message() {
        return wording().message();
    }
}
