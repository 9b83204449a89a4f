package io.wxbind.config;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * This node: its name, and which peers in front of it are proxies whose forwarding headers are believed.
 *
 * @param nodeName       recorded with audit entries and token refreshes ({@code wxbind.node-name}, else the JVM's
 *                       {@code pid@host})
 * @param trustedProxies IP addresses and CIDR blocks of trusted proxies ({@code wxbind.trusted-proxies}, none);
 *                       checked here, parsed by {@code io.wxbind.client.ClientAddressResolver}
 */
public record NodeConfig(String nodeName, List<String> trustedProxies) {

    /** Pure mapping from raw values; every problem goes to {@code problems}. */
    public static NodeConfig read(Function<String, Optional<String>> source, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        List<String> proxies = r.list("wxbind.trusted-proxies");
        for (String entry : proxies) {
            if (!isAddressOrBlock(entry)) {
                problems.add("wxbind.trusted-proxies: not an IP address or CIDR block: '" + entry + "'");
            }
        }
        return new NodeConfig(nodeName(r), proxies);
    }

    static String nodeName(ConfigReader r) {
        return r.optional("wxbind.node-name").orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
    }

    /** A literal address with an optional prefix length; never a host name (no DNS at deployment). */
    private static boolean isAddressOrBlock(String entry) {
        String[] parts = entry.split("/", -1);
        if (parts.length > 2 || !(parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}") || parts[0].matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"))) {
            return false;
        }
        try {
            int bits = InetAddress.getByName(parts[0]).getAddress().length * 8;
            return parts.length == 1 || (parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= bits);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
