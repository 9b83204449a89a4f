package io.wxbind.simulator.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An app's API IP whitelist (IPs or CIDR ranges, protocol §4.3). Empty means "no restriction",
 * which is the default because WeChat apps start without one in the simulator.
 */
public final class IpAllowList {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private record Range(String text, byte[] network, int prefix) {
    }

    private final List<Range> ranges;

    private IpAllowList(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static IpAllowList none() {
        return new IpAllowList(List.of());
    }

    /** Parses {@code "1.2.3.4, 10.0.0.0/8, ::1"}; throws IllegalArgumentException on a bad entry. */
    public static IpAllowList parse(String csv) {
        List<Range> ranges = new ArrayList<>();
        if (csv != null) {
            for (String raw : csv.split(",")) {
                String entry = raw.trim();
                if (!entry.isEmpty()) {
                    ranges.add(range(entry));
                }
            }
        }
        return new IpAllowList(ranges);
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad CIDR prefix in '" + entry + "'");
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("bad CIDR prefix in '" + entry + "'");
            }
        }
        return new Range(entry, address, prefix);
    }

    /** Only IP literals: never let a config value trigger a DNS lookup. */
    private static byte[] literal(String text) {
        if (text.isEmpty() || !IP_LITERAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public List<String> entries() {
        return ranges.stream().map(Range::text).toList();
    }

    /** Value equality on the entries as written, so settings records compare by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof IpAllowList list && entries().equals(list.entries());
    }

    @Override
    public int hashCode() {
        return entries().hashCode();
    }

    @Override
    public String toString() {
        return "IpAllowList" + entries();
    }

    /** True when the list is empty or the address falls in one of its ranges. */
    public boolean allows(String address) {
        if (ranges.isEmpty()) {
            return true;
        }
        byte[] candidate;
        try {
            candidate = literal(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return ranges.stream().anyMatch(r -> inRange(candidate, r));
    }

    private static boolean inRange(byte[] candidate, Range range) {
        if (candidate.length != range.network.length) {
            return false;
        }
        int fullBytes = range.prefix / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != range.network[i]) {
                return false;
            }
        }
        int restBits = range.prefix % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - restBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (range.network[fullBytes] & mask);
    }
}
