package io.wxbind.simulator.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * Everyone's phone number, for the mini-program phone APIs (protocol §3.4/§3.5): one set through
 * the control API, else the built-in one, else a stable mainland number derived from the person
 * id (so people created at run time have one too, the same after a restart).
 */
public final class SimPhones {

    private final Map<String, String> builtIn;
    private final Map<String, PhoneNumber> set = new HashMap<>();

    /** {@code builtIn}: person id → mainland (+86) number. */
    public SimPhones(Map<String, String> builtIn) {
        this.builtIn = Map.copyOf(builtIn);
    }

    public synchronized PhoneNumber of(String personId) {
        PhoneNumber chosen = set.get(personId);
        if (chosen != null) {
            return chosen;
        }
        String configured = builtIn.get(personId);
        return PhoneNumber.china(configured != null ? configured : derived(personId));
    }

    public synchronized void set(String personId, PhoneNumber phone) {
        set.put(personId, phone);
    }

    /** Forgets numbers set at run time; built-in and derived ones stay. */
    public synchronized void reset() {
        set.clear();
    }

    /** "139" and eight digits from SHA-256 of the id: a plausible, stable mainland mobile number. */
    static String derived(String personId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("phone\0" + personId).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xFF);
            }
            return String.format("139%08d", Math.floorMod(value, 100_000_000L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
