package io.wxbind.miniprogram;

import java.util.Optional;

/**
 * The nickname a person typed when creating an account from an API client: optional, trimmed, at
 * most {@link #MAX_CODE_POINTS} characters, no control or format characters (no line breaks,
 * no bidirectional overrides that would make it read differently on a page). Never taken from
 * profile {@code encryptedData}: WeChat has answered an anonymous nickname there since 2022.
 */
public final class TypedNickname {

    public static final int MAX_CODE_POINTS = 32;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private TypedNickname() {
    }

    /** What the account will show: empty for none (absent or blank), the trimmed value when allowed. */
    public sealed interface Check {
        record Accepted(Optional<String> nickname) implements Check {
        }

        record Rejected() implements Check {
        }
    }

    public static Check check(String typed) {
        if (typed == null || typed.isBlank()) {
            return new Check.Accepted(Optional.empty());
        }
        String trimmed = typed.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_CODE_POINTS || trimmed.codePoints().anyMatch(TypedNickname::unprintable)) {
            return new Check.Rejected();
        }
        return new Check.Accepted(Optional.of(trimmed));
    }

    /** The zero-width joiner stays: emoji sequences (a family, a flag) are made with it. */
    private static boolean unprintable(int cp) {
        if (cp == ZERO_WIDTH_JOINER) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
