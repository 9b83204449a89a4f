package io.wxbind.it.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in text without ever printing them: known values (thousands of openids and session
 * ids, found in one pass through an index on their first 8 characters), values known only by
 * their SHA-256 (API tokens, stored hashed), and shapes (WeChat access tokens, which rotate faster
 * than a list could follow). A {@link Finding} names the kind and the place, never the value.
 */
public final class SecretScanner {

    /** Shortest value worth looking for: shorter ones would match by chance. */
    public static final int MIN_LENGTH = 8;
    private static final String B64URL = "A-Za-z0-9_\\-";

    /** One occurrence: what kind of secret, where (a file and an offset, or a response). */
    public record Finding(String kind, String where) {
    }

    private record Known(String value, String kind) {
    }

    private record Hashed(Pattern candidates, Set<String> sha256Hex, String kind) {
    }

    private record Shape(Pattern pattern, String kind) {
    }

    private final Map<Long, List<Known>> byPrefix = new HashMap<>();
    private final List<Hashed> hashed = new ArrayList<>();
    private final List<Shape> shapes = new ArrayList<>();
    private int known;

    /** A value to find verbatim; null, blank or short values are ignored. */
    public SecretScanner add(String kind, String value) {
        if (value != null && value.length() >= MIN_LENGTH && value.chars().allMatch(c -> c <= 0xFF)) {
            List<Known> list = byPrefix.computeIfAbsent(prefixKey(value), k -> new ArrayList<>(1));
            if (list.stream().noneMatch(k -> k.value().equals(value))) {
                list.add(new Known(value, kind));
                known++;
            }
        }
        return this;
    }

    /** Base64url runs of exactly {@code length} characters whose SHA-256 (hex) is in {@code hashes}. */
    public SecretScanner addHashed(String kind, int length, Set<String> hashes) {
        hashed.add(new Hashed(exactRun(length), Set.copyOf(hashes), kind));
        return this;
    }

    /**
     * Base64url runs of exactly {@code length} characters with upper case, lower case and a digit
     * (so no word, hex digest or number), not inside a longer base64 text.
     */
    public SecretScanner addShape(String kind, int length) {
        shapes.add(new Shape(exactRun(length), kind));
        return this;
    }

    /** How many verbatim values are looked for. */
    public int knownValues() {
        return known;
    }

    public List<Finding> scan(String text, String where) {
        List<Finding> found = new ArrayList<>();
        long key = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                run = 0;
                continue;
            }
            key = (key << 8) | c;
            if (++run >= MIN_LENGTH) {
                List<Known> candidates = byPrefix.get(key);
                if (candidates != null) {
                    int start = i - MIN_LENGTH + 1;
                    candidates.stream().filter(k -> text.startsWith(k.value(), start))
                            .forEach(k -> found.add(new Finding(k.kind(), where + " at offset " + start)));
                }
            }
        }
        for (Hashed h : hashed) {
            Matcher m = h.candidates().matcher(text);
            while (m.find()) {
                if (h.sha256Hex().contains(sha256Hex(m.group()))) {
                    found.add(new Finding(h.kind(), where + " at offset " + m.start()));
                }
            }
        }
        for (Shape s : shapes) {
            Matcher m = s.pattern().matcher(text);
            while (m.find()) {
                String v = m.group();
                if (v.chars().anyMatch(Character::isUpperCase) && v.chars().anyMatch(Character::isLowerCase)
                        && v.chars().anyMatch(Character::isDigit)) {
                    found.add(new Finding(s.kind(), where + " at offset " + m.start()));
                }
            }
        }
        return found;
    }

    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Pattern exactRun(int length) {
        // '%' too: a percent-encoded standard base64 text (a QR ticket in an image URL, "...%2F...%2B...") is
        // not a run of its own between its escapes.
        return Pattern.compile("(?<![" + B64URL + "+/%])[" + B64URL + "]{" + length + "}(?![" + B64URL + "+/=%])");
    }

    private static long prefixKey(String value) {
        long key = 0;
        for (int i = 0; i < MIN_LENGTH; i++) {
            key = (key << 8) | value.charAt(i);
        }
        return key;
    }
}
