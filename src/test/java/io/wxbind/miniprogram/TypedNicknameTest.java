package io.wxbind.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The nickname a person typed: optional, trimmed, bounded, printable. */
class TypedNicknameTest {

    private static Optional<String> accepted(String typed) {
        return assertInstanceOf(TypedNickname.Check.Accepted.class, TypedNickname.check(typed)).nickname();
    }

    private static void rejected(String typed) {
        assertInstanceOf(TypedNickname.Check.Rejected.class, TypedNickname.check(typed), typed);
    }

    @Test
    void checkWhenAbsentOrBlankThenNoNickname() {
        assertEquals(Optional.empty(), accepted(null));
        assertEquals(Optional.empty(), accepted(""));
        assertEquals(Optional.empty(), accepted(" \t "));
    }

    @Test
    void checkWhenTypedWithSpacesAndEmojiThenTrimmedAndKept() {
        assertEquals(Optional.of("小明 Xiao Ming"), accepted("  小明 Xiao Ming \u3000"));
        assertEquals(Optional.of("家👨\u200D👩\u200D👧"), accepted("家👨\u200D👩\u200D👧"), "an emoji family is joined with U+200D");
        assertEquals(Optional.of("😀".repeat(32)), accepted("😀".repeat(32)), "32 characters, though 64 UTF-16 units");
    }

    @Test
    void checkWhenTooLongOrControlOrBidiOverrideThenRejected() {
        rejected("a".repeat(33));
        rejected("line\nbreak");
        rejected("tab\there");
        rejected("nul\u0000");
        rejected("evil\u202Egnp.exe");
        rejected("zero\u200Bwidth");
        rejected("lone \uD800 surrogate");
    }
}
