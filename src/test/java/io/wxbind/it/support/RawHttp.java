package io.wxbind.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A GET or form POST sent from a chosen local address (any 127.x.y.z reaches the loopback
 * server), for tests of per-client-IP limits that must not use up the address every other test
 * comes from. The JDK 17 HttpClient cannot bind a local address, hence a plain HTTP/1.0 exchange
 * on a socket.
 */
public final class RawHttp {

    /** Status, the raw header block (lower-cased names) and the body as text. */
    public record Response(int status, String headers, String body) {

        /** The headers by lower-case name. */
        public Map<String, List<String>> headerMap() {
            Map<String, List<String>> map = new TreeMap<>();
            headers.lines().filter(l -> l.indexOf(':') > 0).forEach(l -> map.computeIfAbsent(
                    l.substring(0, l.indexOf(':')).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(l.substring(l.indexOf(':') + 1).trim()));
            return map;
        }

        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst();
        }
    }

    private RawHttp() {
    }

    public static Response get(URI uri, String fromAddress) {
        return get(uri, fromAddress, Map.of());
    }

    /** A GET from {@code fromAddress} with extra headers (e.g. a forged {@code X-Forwarded-For}). */
    public static Response get(URI uri, String fromAddress, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Accept", "text/html");
        return exchange("GET", uri, fromAddress, all, null);
    }

    /**
     * A form POST from {@code fromAddress} with the given extra headers (e.g. {@code Cookie},
     * {@code Origin}); the body is the form, URL-encoded in the map's order.
     */
    public static Response post(URI uri, String fromAddress, Map<String, String> headers, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        all.putIfAbsent("Accept", "text/html");
        return exchange("POST", uri, fromAddress, all, body);
    }

    private static Response exchange(String method, URI uri, String fromAddress, Map<String, String> headers, String body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            if (!raw.startsWith("HTTP/") || end < 0) {
                throw new IllegalStateException("Not an HTTP response from " + uri + ": " + raw);
            }
            int status = Integer.parseInt(raw.substring(raw.indexOf(' ') + 1, raw.indexOf(' ') + 4));
            Response response = new Response(status, raw.substring(raw.indexOf("\r\n") + 2, end), raw.substring(end + 4));
            Capture.record("RawHttp", method, uri.toString(), status, response.headerMap(), response.body());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " from " + fromAddress, e);
        }
    }
}
