package io.wxbind.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One simulated user's browser: its own cookies (name → value, enough for one host on
 * localhost), extra headers it always sends (who it is in WeChat, a bearer token), and redirects
 * followed hop by hop. All browsers share one {@link HttpClient} and so its keep-alive
 * connections, as a real load of many users on one proxy would; a client per user would cost a
 * selector thread each and measure the driver instead of the server.
 */
public final class BenchBrowser {

    private static final int MAX_HOPS = 10;

    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public BenchBrowser(HttpClient http) {
        this.http = http;
    }

    /** The client every browser of a run shares: HTTP/1.1 (as Payara serves it), no automatic redirects. */
    public static HttpClient sharedClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public BenchBrowser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    /** One GET, no redirect followed. */
    public Hop get(String url) {
        return send(request(url).GET().build());
    }

    /** One POST with an empty body, no redirect followed. */
    public Hop post(String url) {
        return send(request(url).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** GET, then follow redirects; every hop is returned, the last one is what the user sees. */
    public List<Hop> open(String url) {
        List<Hop> hops = new ArrayList<>();
        Hop hop = get(url);
        hops.add(hop);
        while (hop.isRedirect() && hops.size() <= MAX_HOPS) {
            hop = get(hop.location());
            hops.add(hop);
        }
        return hops;
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(withoutFragment(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        headers.forEach(b::header);
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        return b;
    }

    private Hop send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            r.headers().allValues("Set-Cookie").forEach(this::remember);
            return new Hop(r.statusCode(), r.uri(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code name=value; Path=/; ...}: a Max-Age=0 or empty value deletes the cookie. */
    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /** WeChat's authorize URL ends in {@code #wechat_redirect}; a fragment never goes over the wire. */
    static URI withoutFragment(String url) {
        int hash = url.indexOf('#');
        return URI.create(hash >= 0 ? url.substring(0, hash) : url);
    }

    /** One response; {@code location()} is resolved against the request URI. */
    public record Hop(int status, URI uri, String rawLocation, String body) {

        public boolean isRedirect() {
            return status == 301 || status == 302 || status == 303 || status == 307;
        }

        public String location() {
            return rawLocation == null ? null : uri.resolve(withoutFragment(rawLocation)).toString();
        }

        @Override
        public String toString() {
            return status + " " + uri.getPath();
        }
    }
}
