package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.Capture;
import io.wxbind.it.support.SecretScanner;
import io.wxbind.launch.LaunchPaths;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, point 14: after the whole suite, no secret in what the servers wrote to their logs
 * ({@code target/logs/*.log}) or answered the test clients ({@link Capture}): the app secrets,
 * the push token and EncodingAESKey, WeChat access tokens (the current ones from the database,
 * and any string shaped like the simulator's tokens), the API tokens issued during the run,
 * session ids and other cookie values, and the full openids and unionids of the simulator's
 * people. Prints {@code secret scan: N files, M bytes, 0 occurrences}; a finding names the file
 * and the kind, never the value.
 *
 * <p>It must run after every other IT class: failsafe runs them all in one JVM in name order
 * ({@code runOrder=alphabetical} and JUnit's {@code ClassOrderer$ClassName} in pom.xml), hence
 * the {@code Zz}. Run alone, it scans what earlier runs left in {@code target/}.
 *
 * <p>Where a value legitimately travels, it is not a finding: a cookie in its {@code Set-Cookie}
 * header, an API token in the body of the answer that issued it, and anything the simulator (the
 * stand-in for WeChat, which knows every openid) says about itself.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class ZzSecretScanIT {

    /** {@code cgi-bin/token} and OAuth tokens of the simulator: base64url of 96 and 64 random bytes. */
    private static final int SERVER_TOKEN_LENGTH = 128;
    private static final int OAUTH_TOKEN_LENGTH = 86;
    private static final int API_TOKEN_LENGTH = 43;

    private final Map<String, Integer> findings = new TreeMap<>();
    private long files;
    private long bytes;

    @Test
    void serverLogsAndCapturedAnswersWhenScannedThenNoSecretOfAnyKind() throws Exception {
        stack(); // the shared stack: its simulator and database name what to look for
        List<Capture.Entry> captured = Capture.readAll();
        SecretScanner scanner = new SecretScanner();
        configuredSecrets(scanner);
        int people = simulatorIds(scanner);
        Set<String> apiTokens = new HashSet<>();
        int cookies = learnFromCaptures(captured, scanner, apiTokens);
        serverTokens(scanner);
        scanner.addHashed("API token", API_TOKEN_LENGTH, apiTokenHashes());
        scanner.addShape("WeChat server access token", SERVER_TOKEN_LENGTH);
        scanner.addShape("WeChat OAuth token", OAUTH_TOKEN_LENGTH);

        for (Path log : logs()) {
            byte[] content = Files.readAllBytes(log);
            count(log.getFileName().toString(), content.length,
                    scanner.scan(new String(content, StandardCharsets.ISO_8859_1), log.getFileName().toString()));
        }
        scanCaptures(captured, scanner, apiTokens);

        int total = findings.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("secret scan: %d files, %d bytes, %d occurrences (%d values looked for: %d simulator people,"
                + " %d cookies, %d API tokens; plus token shapes and hashes)%n", files, bytes, total, scanner.knownValues(), people,
                cookies, apiTokens.size());
        assertTrue(files > 0 && bytes > 0, "nothing to scan: no server log in " + logsDir());
        assertTrue(people > 0, "the simulator named nobody");
        // Self-check on real data: a session cookie is found where it legitimately is, its Set-Cookie header.
        captured.stream().flatMap(e -> e.headers().getOrDefault("set-cookie", List.of()).stream())
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().ifPresent(c ->
                        assertFalse(scanner.scan(c, "self-check").isEmpty(), "the scan misses a session id in plain sight"));
        assertEquals(Map.of(), findings, "secrets found (file: kind → occurrences)");
    }

    /** What the stack configures as secrets: app secrets (the mini program's too), push token, EncodingAESKey. */
    private static void configuredSecrets(SecretScanner scanner) {
        WxBindStack.appConfig("http://localhost", Map.of()).forEach((key, value) -> {
            if (key.equals("wechat.app-secret") || key.startsWith("wechat.app.") && key.endsWith(".secret")) {
                scanner.add("app secret", value);
            } else if (key.startsWith("wechat.push.") && key.endsWith(".token")) {
                scanner.add("push token", value);
            } else if (key.endsWith(".aes-key")) {
                scanner.add("EncodingAESKey", value);
            } else if (key.equals("wxbind.miniprogram.session-key-secret")) {
                scanner.add("session-key secret", value);
            }
        });
    }

    /** Every openid and unionid of every person of the shared simulator, and of the people other simulators made. */
    private static int simulatorIds(SecretScanner scanner) {
        List<JsonObject> people = sim().people();
        for (JsonObject p : people) {
            for (String field : List.of("openIds", "unionIds", "snapshotOpenIds", "snapshotUnionIds")) {
                JsonObject ids = p.getJsonObject(field);
                if (ids != null) {
                    ids.values().forEach(v -> scanner.add(field.toLowerCase().contains("union") ? "unionid" : "openid",
                            ((JsonString) v).getString()));
                }
            }
        }
        Capture.rememberedSecrets().forEach((value, kind) -> scanner.add(kind, value));
        return people.size();
    }

    /** Cookie values from {@code Set-Cookie}, API tokens from the answers that issued them. */
    private static int learnFromCaptures(List<Capture.Entry> captured, SecretScanner scanner, Set<String> apiTokens) {
        Set<String> cookies = new HashSet<>();
        for (Capture.Entry e : captured) {
            for (String cookie : e.headers().getOrDefault("set-cookie", List.of())) {
                int eq = cookie.indexOf('=');
                int end = cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';');
                if (eq > 0 && end > eq + SecretScanner.MIN_LENGTH) {
                    String name = cookie.substring(0, eq).trim();
                    String value = cookie.substring(eq + 1, end).trim();
                    cookies.add(value);
                    scanner.add(name.equals("JSESSIONID") ? "session id" : "cookie " + name, value);
                }
            }
            issuedToken(e).ifPresent(token -> {
                apiTokens.add(token);
                scanner.add("API token", token);
            });
        }
        return cookies.size();
    }

    private static java.util.Optional<String> issuedToken(Capture.Entry e) {
        if (!e.method().equals("POST") || !e.uri().contains("/api/wechat/tokens") || e.status() != 201) {
            return java.util.Optional.empty();
        }
        JsonValue token = Json.createReader(new StringReader(e.body())).readObject().get("access_token");
        return token instanceof JsonString s ? java.util.Optional.of(s.getString()) : java.util.Optional.empty();
    }

    /** The app's answers only (the simulator is WeChat: it knows the ids); never the headers that set cookies. */
    private void scanCaptures(List<Capture.Entry> captured, SecretScanner scanner, Set<String> apiTokens) {
        for (Capture.Entry e : captured) {
            boolean app = e.client().equals("SimControl") || java.net.URI.create(e.uri()).getPath().startsWith("/wxbind");
            if (!app) {
                continue;
            }
            String where = "answer " + e.method() + " " + java.net.URI.create(e.uri()).getPath();
            StringBuilder text = new StringBuilder();
            e.headers().forEach((name, values) -> {
                if (!name.equals("set-cookie")) {
                    values.forEach(v -> text.append(name).append(": ").append(v).append('\n'));
                }
            });
            String body = e.body();
            java.util.Optional<String> issued = issuedToken(e);
            if (issued.isPresent()) {
                body = body.replace(issued.get(), "<issued here>");
            }
            text.append(body);
            List<SecretScanner.Finding> found = scanner.scan(text.toString(), where);
            if (shownToAdministrators(java.net.URI.create(e.uri()).getPath())) {
                // The admin page and API answer "which WeChat is bound to whom": the ids are the answer there,
                // not a leak (role admin, audited); every other secret is still looked for.
                found = found.stream().filter(f -> !f.kind().equals("openid") && !f.kind().equals("unionid")).toList();
            }
            count(where, text.length(), found);
        }
        files += Capture.enabled() ? fileCount(Capture.dir(), ".jsonl") : 0;
    }

    private static boolean shownToAdministrators(String path) {
        return path.equals("/wxbind/wechat/admin") || path.startsWith("/wxbind/wechat/admin/") || path.startsWith("/wxbind/api/admin/");
    }

    private void count(String where, long size, List<SecretScanner.Finding> found) {
        if (!where.startsWith("answer ")) {
            files++;
        }
        bytes += size;
        // Named by file (or answer path) and kind; the offset stays out of the summary, the value never appears.
        found.forEach(f -> findings.merge(where.replaceAll("[?#].*", "") + ": " + f.kind(), 1, Integer::sum));
    }

    /** The current server access token of each app (the shapes catch the earlier ones). */
    private static void serverTokens(SecretScanner scanner) throws SQLException {
        try (Connection c = stack().database().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select access_token from wxbind_app_token where access_token is not null")) {
            while (rs.next()) {
                scanner.add("WeChat server access token", rs.getString(1));
            }
        }
    }

    /** The hashes of the API tokens still stored, for tokens a client other than ours was given. */
    private static Set<String> apiTokenHashes() throws SQLException {
        Set<String> hashes = new HashSet<>();
        try (Connection c = stack().database().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select token_hash from wxbind_api_token")) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        }
        return hashes;
    }

    private static Path logsDir() {
        return LaunchPaths.fromSystemProperties().buildDir().resolve("logs");
    }

    private static List<Path> logs() throws IOException {
        try (Stream<Path> all = Files.list(logsDir())) {
            return all.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }

    private static long fileCount(Path dir, String suffix) {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
