package io.wxbind.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the servers answered the test clients ({@link WeChatBrowser}, {@link RawHttp},
 * {@link SimControl}, {@link Chromium}), one JSON line per response in
 * {@code <wxbind.capture.dir>/http-<pid>.jsonl}, for the secret scan that runs after the suite
 * ({@code ZzSecretScanIT}). Off unless failsafe sets {@code wxbind.capture.dir} (the benchmarks
 * use the same clients and must not pay for it). Appending a line costs far less than the request.
 */
public final class Capture {

    public static final String DIR_PROPERTY = "wxbind.capture.dir";
    /** Bodies beyond this are cut: pages here are a few kB, and a secret would sit near the top anyway. */
    private static final int MAX_BODY_CHARS = 1 << 20;

    private static BufferedWriter out;
    /** Secrets the tests learnt (e.g. the openids of people a test's own simulator made), value → kind. */
    private static final Map<String, String> REMEMBERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** One captured response; {@code headers} names are lower case; {@code status} 0 = not known (a browser page). */
    public record Entry(String client, String method, String uri, int status, Map<String, List<String>> headers, String body) {
    }

    private Capture() {
    }

    public static boolean enabled() {
        return System.getProperty(DIR_PROPERTY) != null;
    }

    public static Path dir() {
        return Path.of(System.getProperty(DIR_PROPERTY, "target/it-captures"));
    }

    public static void record(String client, String method, String uri, int status, Map<String, List<String>> headers, String body) {
        if (!enabled()) {
            return;
        }
        JsonObjectBuilder h = Json.createObjectBuilder();
        headers.forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                JsonArrayBuilder list = Json.createArrayBuilder();
                values.forEach(list::add);
                h.add(name.toLowerCase(Locale.ROOT), list);
            }
        });
        String text = body == null ? "" : body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body;
        JsonObject line = Json.createObjectBuilder().add("client", client).add("method", method).add("uri", uri)
                .add("status", status).add("headers", h).add("body", text).build();
        write(line.toString());
    }

    /** A value the secret scan must not find anywhere (kept in memory only: the scan runs in this JVM). */
    public static void rememberSecret(String kind, String value) {
        if (enabled() && value != null) {
            REMEMBERED.put(value, kind);
        }
    }

    /** What {@link #rememberSecret} was told, value → kind. */
    public static Map<String, String> rememberedSecrets() {
        return Map.copyOf(REMEMBERED);
    }

    /** Every entry of every capture file in {@link #dir()}. */
    public static List<Entry> readAll() {
        flush();
        if (!Files.isDirectory(dir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted()
                    .flatMap(Capture::entries).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Entry> entries(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Capture::parse);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry parse(String line) {
        JsonObject o = Json.createReader(new StringReader(line)).readObject();
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        o.getJsonObject("headers").forEach((name, values) ->
                headers.put(name, values.asJsonArray().getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList()));
        return new Entry(o.getString("client"), o.getString("method"), o.getString("uri"), o.getInt("status"), headers, o.getString("body"));
    }

    private static synchronized void write(String line) {
        try {
            if (out == null) {
                Files.createDirectories(dir());
                out = Files.newBufferedWriter(dir().resolve("http-" + ProcessHandle.current().pid() + ".jsonl"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Runtime.getRuntime().addShutdownHook(new Thread(Capture::flush, "capture-flush"));
            }
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
