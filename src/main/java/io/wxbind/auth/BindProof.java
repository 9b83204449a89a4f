package io.wxbind.auth;

import io.wxbind.guard.GuessSubject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * One way to prove on the bind form (flow step 4, policy bind) that the person owns a local
 * account, contributed as a CDI bean by the package that owns it: username and password through
 * the container's identity stores ({@link PasswordBindProof}, here), phone and SMS code
 * ({@code io.wxbind.sms}). {@link BindFormEntry} asks the proofs in {@code @Priority} order which
 * one the posted form chose, bounds guessing and the ticket's tries with the proof's
 * {@link Claim}, and only then lets the proof check.
 */
public interface BindProof {

    /** A complete form: whom it claims (what the per-account guessing limit counts), the account for the audit log, the proof's name. */
    record Claim(GuessSubject account, String auditAccount, String method) {
    }

    /** What checking the proof found. */
    sealed interface Verdict {

        /** The account is proven: the caller to bind, and how the session was established. */
        record Proven(CredentialValidationResult caller, LoginMethod method) implements Verdict {
        }

        /** Wrong: the sentence for the form, the reason for the audit log (never the secret itself). */
        record Wrong(String message, String auditReason) implements Verdict {
        }
    }

    /** Whether the posted form chose this proof (its own field is there); the first proof that says so reads the form. */
    boolean chosen(HttpServletRequest request);

    /** The form's claim when it is complete and well-formed; empty: the form again, nothing counted. */
    Optional<Claim> claim(HttpServletRequest request);

    /**
     * Checks the proof; the try is already counted. {@code triesLeft}: how many the ticket has
     * left if this one is wrong (at 0 the form is not shown again: the ticket is no longer valid).
     */
    Verdict prove(HttpServletRequest request, String rawTicket, int triesLeft);
}
