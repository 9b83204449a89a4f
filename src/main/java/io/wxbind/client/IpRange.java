package io.wxbind.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An address or CIDR block ({@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}) that a proxy may connect from. */
record IpRange(byte[] network, int prefixBits) {

    /** Parses one entry of {@code wxbind.trusted-proxies}; a literal address only, never a host name (no DNS). */
    static IpRange parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        Optional<InetAddress> address = literal(slash < 0 ? t : t.substring(0, slash));
        if (address.isEmpty()) {
            throw new IllegalArgumentException("not an IP address or CIDR block: '" + t + "'");
        }
        byte[] bytes = address.get().getAddress();
        int max = bytes.length * 8;
        int bits;
        try {
            bits = slash < 0 ? max : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + t + "'");
        }
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("prefix length out of range in '" + t + "'");
        }
        return new IpRange(bytes, bits);
    }

    boolean contains(InetAddress candidate) {
        byte[] c = candidate.getAddress();
        if (c.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (c[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (c[full] & mask) == (network[full] & mask);
    }

    /**
     * A literal IPv4 or IPv6 address (brackets and an IPv6 zone allowed), without any name lookup:
     * {@code InetAddress.getByName} would resolve a host name, so only digits, dots, colons and hex pass.
     */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        boolean v6 = t.indexOf(':') >= 0;
        boolean plausible = !t.isEmpty() && t.length() <= 45 && t.chars().allMatch(ch -> ch == '.' || ch == ':'
                || (ch >= '0' && ch <= '9') || (v6 && ((ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))));
        if (!plausible || (!v6 && t.chars().filter(ch -> ch == '.').count() != 3)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
