package io.wxbind.auth.flow;

/**
 * Something that stops a login, shown as a page (or JSON under {@code /api/}): the core flow's are
 * {@link FlowProblem}; each feature package brings its own enum, so the flow names none of them.
 * A client's mistake is a 4xx; WeChat failing is a 502/503; never a 500.
 */
public interface LoginProblem {

    /** Stable, lower-case: for logs, the audit log and tests; never changes with the wording. */
    String code();

    int status();

    String title();

    /** What happened and how to go on, for a person. */
    String message();
}
