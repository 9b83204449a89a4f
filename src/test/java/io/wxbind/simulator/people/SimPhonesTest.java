package io.wxbind.simulator.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimPhonesTest {

    private final SimPhones phones = new SimPhones(Map.of("zhang-wei", "13800138000"));

    @Test
    void ofWhenBuiltInThenThatMainlandNumber() {
        PhoneNumber phone = phones.of("zhang-wei");
        assertEquals("13800138000", phone.phoneNumber());
        assertEquals("13800138000", phone.purePhoneNumber());
        assertEquals("86", phone.countryCode());
    }

    @Test
    void ofWhenUnknownPersonThenStableDerivedMobileNumber() {
        String derived = phones.of("p-123").purePhoneNumber();
        assertTrue(derived.matches("139[0-9]{8}"), derived);
        assertEquals(derived, new SimPhones(Map.of()).of("p-123").purePhoneNumber());
        assertNotEquals(derived, phones.of("p-124").purePhoneNumber());
    }

    @Test
    void setWhenForeignNumberThenPrefixedUntilReset() {
        phones.set("zhang-wei", new PhoneNumber("852", "61234567"));
        assertEquals("+85261234567", phones.of("zhang-wei").phoneNumber());
        phones.reset();
        assertEquals("13800138000", phones.of("zhang-wei").phoneNumber());
    }

    @Test
    void problemWhenBadPartsThenExplainsElseNull() {
        assertNull(PhoneNumber.china("13800138000").problem());
        assertNotNull(new PhoneNumber("+86", "13800138000").problem());
        assertNotNull(new PhoneNumber("86", "138-0013").problem());
    }
}
