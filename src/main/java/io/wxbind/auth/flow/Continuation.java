package io.wxbind.auth.flow;

import java.util.regex.Pattern;

/**
 * What a login that a feature started is for, beyond logging in: the feature's name for it
 * ({@code kind}, e.g. a chat bind link or a QR confirm link) and the hash of the feature's own
 * ticket. It travels in the pending login ({@link PendingLoginCodec}); at the callback the feature
 * that named the kind decides ({@code io.wxbind.auth.CallbackContinuation}). The flow itself
 * knows no feature: a kind is only a name.
 */
public record Continuation(String kind, String ticketHash) {

    private static final Pattern KIND = Pattern.compile("[a-z0-9-]{1,32}");

    public Continuation {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a continuation kind is 1-32 of [a-z0-9-]");
        }
        if (ticketHash == null || ticketHash.isEmpty() || ticketHash.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a continuation needs its ticket hash, on one line");
        }
    }
}
