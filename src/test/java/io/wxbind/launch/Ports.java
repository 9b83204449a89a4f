package io.wxbind.launch;

import java.io.IOException;
import java.net.ServerSocket;

/** Picks and checks local TCP ports for Payara nodes (public: a test site that must know its URL before it starts). */
public final class Ports {

    private Ports() {
    }

    /** Fails early (instead of a confusing readiness timeout) when a fixed port is taken. */
    static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is in use (the demo takes WXBIND_PORT)", e);
        }
    }

    /**
     * A port nobody listens on: any, or the first free one in the range given by the system
     * property {@code wxbind.free-ports} (e.g. {@code 18100-18199}) on shared machines.
     */
    public static int free() {
        String range = System.getProperty("wxbind.free-ports", "0-0");
        int from = Integer.parseInt(range.substring(0, range.indexOf('-')).trim());
        int to = Integer.parseInt(range.substring(range.indexOf('-') + 1).trim());
        for (int candidate = from; candidate <= to; candidate++) {
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                // taken, try the next one
            }
        }
        throw new IllegalStateException("No free port in " + range);
    }
}
