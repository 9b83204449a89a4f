package io.wxbind.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void normaliseWhenMainlandMobileInAnyUsualSpellingThenPlus86() {
        for (String typed : new String[] {"13800000001", "138 0000 0001", "138-0000-0001", "+86 138 0000 0001",
                "+86-138-0000-0001", "8613800000001", "0086 13800000001", "(+86) 138.0000.0001", " 13800000001 ",
                "\uff11\uff13\uff18\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff11", "138\u30000000\u00a00001"}) {
            assertEquals("+8613800000001", PhoneNumbers.normalise(typed), typed);
        }
    }

    @Test
    void normaliseWhenOtherCountryWithCodeThenKept() {
        assertEquals("+85251234567", PhoneNumbers.normalise("+852 5123 4567"));
        assertEquals("+14155550100", PhoneNumbers.normalise("001 415 555 0100"));
        assertEquals("+886912345678", PhoneNumbers.normalise("\uff0b886 912 345 678"));
    }

    @Test
    void normaliseWhenGarbageThenClearMessage() {
        assertMessage(null, "enter your mobile phone number");
        assertMessage("   ", "enter your mobile phone number");
        assertMessage("138abc00001", "only digits");
        assertMessage("<script>", "only digits");
        assertMessage("+86 138 0000 0001 0000 0000 0000 000", "too long");
        assertMessage("12345", "11-digit mainland mobile number");
        assertMessage("23800000001", "11-digit mainland mobile number");
        assertMessage("+86 010 1234 5678", "mainland China mobile number has 11 digits");
        assertMessage("+86 12800000001", "mainland China mobile number has 11 digits");
        assertMessage("+0123456789", "not a valid international number");
        assertMessage("+1234", "not a valid international number");
        assertMessage("+1234567890123456", "not a valid international number");
        assertMessage("++8613800000001", "only digits");
        assertMessage("138 0000 0001 ext 2", "only digits");
    }

    @Test
    void tryNormaliseWhenBadThenEmptyWithoutException() {
        assertTrue(PhoneNumbers.tryNormalise("nope").isEmpty());
        assertEquals("+8613800000001", PhoneNumbers.tryNormalise("13800000001").orElseThrow());
    }

    @Test
    void maskedWhenLoggedThenOnlyCountryCodeAndLastFour() {
        assertEquals("+86*******0001", PhoneNumbers.masked("+8613800000001"));
        assertEquals("+8******4567", PhoneNumbers.masked("+85251234567"));
        assertFalse(PhoneNumbers.masked("+8613812345678").contains("1234567"));
        assertEquals("***", PhoneNumbers.masked(null));
    }

    @Test
    void storedFormsWhenMainlandThenAlsoBareDigits() {
        assertEquals(List.of("+8613800000001", "13800000001"), PhoneNumbers.storedForms("+8613800000001"));
        assertEquals(List.of("+85251234567"), PhoneNumbers.storedForms("+85251234567"));
    }

    private static void assertMessage(String input, String expectedPart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhoneNumbers.normalise(input), input);
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains(expectedPart.toLowerCase(java.util.Locale.ROOT)),
                input + " -> " + e.getMessage());
    }
}
