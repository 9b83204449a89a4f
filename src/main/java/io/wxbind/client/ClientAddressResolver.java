package io.wxbind.client;

import io.wxbind.config.NodeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that says who a request comes from. {@code Forwarded} (RFC 7239) or
 * {@code X-Forwarded-For} is believed only when the connection comes from a configured trusted
 * proxy ({@code wxbind.trusted-proxies}: addresses and CIDR blocks), and then only up to the
 * first hop that is not itself trusted, read from the right: the left part of such a header is
 * whatever the client wrote. Without trusted proxies the headers are ignored altogether.
 */
@ApplicationScoped
public class ClientAddressResolver {

    @Inject
    NodeConfig node;

    private List<IpRange> trusted = List.of();

    public ClientAddressResolver() {
    }

    /** For tests and code outside CDI. */
    public ClientAddressResolver(String trustedProxies) {
        trusted = parse(Arrays.asList(trustedProxies.split(",")));
    }

    /** The setting was checked at deployment ({@code io.wxbind.config.NodeConfig}). */
    @PostConstruct
    void init() {
        trusted = parse(node.trustedProxies());
    }

    /** Every bad entry at once. */
    private static List<IpRange> parse(List<String> entries) {
        List<IpRange> ranges = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                ranges.add(IpRange.parse(entry));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("wxbind.trusted-proxies: " + String.join("; ", problems));
        }
        return List.copyOf(ranges);
    }

    public ClientAddress of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), headers(request, "Forwarded"), headers(request, "X-Forwarded-For"));
    }

    /** {@code forwarded} and {@code xForwardedFor}: every value of each header, in the order received. */
    public ClientAddress resolve(String remoteAddr, List<String> forwarded, List<String> xForwardedFor) {
        InetAddress peer = IpRange.literal(remoteAddr).orElse(null);
        if (peer == null) {
            return new ClientAddress("unknown", "unknown");
        }
        if (!isTrusted(peer)) {
            return of(peer);
        }
        List<String> hops = !forwarded.isEmpty() ? forwardedFor(forwarded) : commaList(xForwardedFor);
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpRange.literal(stripPort(hops.get(i)));
            if (hop.isEmpty()) {
                break; // "unknown", an obfuscated name or garbage: stop at the last proxy we trust
            }
            client = hop.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        return of(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(r -> r.contains(address));
    }

    static ClientAddress of(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (isV4Mapped(b)) {
                return of(toV4(b));
            }
            String full = v6.getHostAddress();
            int zone = full.indexOf('%');
            full = (zone < 0 ? full : full.substring(0, zone)).toLowerCase(Locale.ROOT);
            return new ClientAddress(full, slash64(b));
        }
        String v4 = address.getHostAddress();
        return new ClientAddress(v4, v4);
    }

    /** The /64 an IPv6 address belongs to, written short ("2001:db8:1:2::/64", "::/64"): one text per network. */
    static String slash64(byte[] b) {
        StringBuilder out = new StringBuilder();
        int zerosFrom = 4; // the first of the trailing zero groups of the prefix, written as "::"
        while (zerosFrom > 0 && b[2 * zerosFrom - 2] == 0 && b[2 * zerosFrom - 1] == 0) {
            zerosFrom--;
        }
        for (int g = 0; g < zerosFrom; g++) {
            out.append(g == 0 ? "" : ":").append(Integer.toHexString(((b[2 * g] & 0xFF) << 8) | (b[2 * g + 1] & 0xFF)));
        }
        return out.append("::/64").toString();
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }

    private static InetAddress toV4(byte[] b) {
        try {
            return Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    /** The {@code for=} parameters of RFC 7239 elements, in order. */
    private static List<String> forwardedFor(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String element : commaList(values)) {
            String value = null;
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("for")) {
                    value = pair.substring(eq + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                }
            }
            out.add(value == null ? "unknown" : value);
        }
        return out;
    }

    /** "1.2.3.4:567" and "[2001:db8::1]:567" without the port. */
    static String stripPort(String hop) {
        String h = hop.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon > 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    private static List<String> commaList(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }
}
