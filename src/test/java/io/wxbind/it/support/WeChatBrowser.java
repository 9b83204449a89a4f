package io.wxbind.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser inside WeChat, for integration tests: its own cookie jar, redirects followed one
 * hop at a time (so each hop can be inspected), and the simulator told who the WeChat user is
 * through {@code X-WeChat-Sim-Person}. No shortcut: every hop is real HTTP. Like a browser it
 * sends {@code Origin} on requests other than GET/HEAD, and a form it posts to a page of a web app
 * carries the form token ({@code csrf}) of the last page of that app that showed one (the hidden
 * field a browser would submit). {@link #raw} sends exactly what it is given, for hostile requests.
 */
public final class WeChatBrowser {

    /** What WeChat's in-app browser sends (Android). */
    public static final String IN_WECHAT_APP = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0 Mobile Safari/537.36 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 NetType/WIFI Language/zh_CN";

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"");

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final List<String> setCookies = new CopyOnWriteArrayList<>();
    private final Map<String, String> formTokens = new ConcurrentHashMap<>();
    private final String person;
    private final String userAgent;

    public WeChatBrowser(String person) {
        this(person, null);
    }

    /**
     * With a User-Agent on every request, e.g. {@link #IN_WECHAT_APP}: a portal that keeps its own
     * login hands WeChat's in-app browser to WxBind by it.
     */
    public WeChatBrowser(String person, String userAgent) {
        this.person = person;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(recordingJar())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public CookieManager cookies() {
        return cookies;
    }

    /** Every {@code Set-Cookie} header this browser received, as sent (attributes included). */
    public List<String> setCookieHeaders() {
        return List.copyOf(setCookies);
    }

    /** The form token last shown by the web app of {@code url} (its first path segment), if any page showed one. */
    public Optional<String> formToken(String url) {
        return Optional.ofNullable(formTokens.get(appKey(URI.create(url))));
    }

    /**
     * Exactly this request: the cookie jar and the simulator's person header, no {@code Origin},
     * no form token, no {@code Accept} but what {@code headers} say. {@code body} may be null.
     */
    public Page raw(String method, String url, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(stripFragment(url)).timeout(Duration.ofSeconds(30)).header("X-WeChat-Sim-Person", person)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        headers.forEach(b::header);
        return exchange(b.build());
    }

    /** One GET, no redirect followed. */
    public Page get(String url) {
        return send(request(url).GET().build());
    }

    /** One form POST, no redirect followed; outside /api/ the app's form token is added unless {@code form} has a {@code csrf} field. */
    public Page post(String url, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (!URI.create(url).getPath().contains("/api/")) { // our pages post forms to pages; the API takes JSON or nothing
            formToken(url).ifPresent(token -> fields.putIfAbsent("csrf", token));
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * A form POST as a browser submits it: with the {@code Origin} of the page's own site (the
     * target's origin), which a same-origin check expects.
     */
    public Page submit(String url, Map<String, String> form) {
        return submit(url, form, Map.of());
    }

    /** {@link #submit(String, Map)} with more headers (e.g. {@code X-Forwarded-For}, as a trusted proxy adds it). */
    public Page submit(String url, Map<String, String> form, Map<String, String> headers) {
        URI target = stripFragment(url);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", target.getScheme() + "://" + target.getRawAuthority());
        headers.forEach(b::setHeader);
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Another tab of this browser as it is now: the same person and a copy of the cookies. Racing
     * requests go through forks, so that a session one of them wins is not sent by the others.
     */
    public WeChatBrowser fork() {
        WeChatBrowser copy = new WeChatBrowser(person, userAgent);
        CookieStore store = cookies.getCookieStore();
        for (URI uri : store.getURIs()) {
            store.get(uri).forEach(c -> copy.cookies.getCookieStore().add(uri, (HttpCookie) c.clone()));
        }
        return copy;
    }

    /** One GET with extra headers (e.g. {@code Authorization}), no redirect followed. */
    public Page get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = request(url).GET();
        headers.forEach(b::setHeader);
        return send(b.build());
    }

    /** A JSON POST as a page script sends it: same-origin {@code Origin}, JSON body and {@code Accept}. */
    public Page postJson(String url, String json) {
        URI target = stripFragment(url);
        return send(request(url).header("Content-Type", "application/json").setHeader("Accept", "application/json")
                .header("Origin", target.getScheme() + "://" + target.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Page send(String method, String url) {
        return send(request(url).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /**
     * A JSON request (body may be null) with {@code Origin} set to the URL's own origin, as a page
     * of the app would send it: what a same-origin check on cookie-authenticated requests expects.
     */
    public Page sendJson(String method, String url, String json) {
        URI target = URI.create(url);
        return send(request(url).header("Origin", target.getScheme() + "://" + target.getRawAuthority())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** GET, then follow redirects (at most 10); the chain records every hop. */
    public Chain open(String url) {
        return follow(get(url));
    }

    /** Follows the redirects of {@code first}. */
    public Chain follow(Page first) {
        List<Page> hops = new ArrayList<>();
        Page page = first;
        hops.add(page);
        for (int i = 0; i < 10 && page.isRedirect(); i++) {
            page = get(page.location());
            hops.add(page);
        }
        return new Chain(hops);
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(stripFragment(url)).timeout(Duration.ofSeconds(30))
                .header("X-WeChat-Sim-Person", person)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        return b;
    }

    /** GET and HEAD go as they are; anything else carries the Origin of its target, as browsers send it. */
    private Page send(HttpRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            URI u = request.uri();
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Origin", u.getScheme() + "://" + u.getRawAuthority()).build();
        }
        return exchange(request);
    }

    private Page exchange(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Capture.record("WeChatBrowser", request.method(), r.uri().toString(), r.statusCode(), r.headers().map(), r.body());
            Matcher token = FORM_TOKEN.matcher(r.body());
            if (token.find()) {
                formTokens.put(appKey(r.uri()), token.group(1));
            }
            return new Page(r.statusCode(), r.uri(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code scheme://host:port/first-segment}: one web app. */
    private static String appKey(URI uri) {
        String path = uri.getPath() == null ? "/" : uri.getPath();
        int end = path.indexOf('/', 1);
        return uri.getScheme() + "://" + uri.getAuthority() + (end < 0 ? path : path.substring(0, end));
    }

    /** Cookies go to {@link #cookies}; every Set-Cookie header is also kept as it came. */
    private CookieHandler recordingJar() {
        return new CookieHandler() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
                return cookies.get(uri, requestHeaders);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
                responseHeaders.forEach((name, values) -> {
                    if ("Set-Cookie".equalsIgnoreCase(name)) {
                        setCookies.addAll(values);
                    }
                });
                cookies.put(uri, responseHeaders);
            }
        };
    }

    /** The fragment ({@code #wechat_redirect}) never goes over the wire. */
    static URI stripFragment(String url) {
        int hash = url.indexOf('#');
        return URI.create(hash >= 0 ? url.substring(0, hash) : url);
    }

    /** One response. {@code location} is resolved against the request URI. */
    public record Page(int status, URI uri, String rawLocation, String contentType, String body) {

        public boolean isRedirect() {
            return status == 301 || status == 302 || status == 303 || status == 307;
        }

        public String location() {
            return rawLocation == null ? null : uri.resolve(stripFragment(rawLocation).toString()).toString()
                    + (rawLocation.contains("#") ? rawLocation.substring(rawLocation.indexOf('#')) : "");
        }

        /** The {@code id="error-code"} text of a problem page. */
        public String errorCode() {
            int i = body.indexOf("id=\"error-code\">");
            return i < 0 ? null : body.substring(i + 16, body.indexOf('<', i + 16));
        }

        public String path() {
            return uri.getPath();
        }
    }

    /** The hops of one navigation; the last one is what the person sees. */
    public record Chain(List<Page> hops) {

        public Page last() {
            return hops.get(hops.size() - 1);
        }

        /** Every hop but the last was a redirect: the person saw no page in between. */
        public boolean onlyRedirectsBeforeLast() {
            return hops.subList(0, hops.size() - 1).stream().allMatch(Page::isRedirect);
        }

        public Page firstTo(String pathPart) {
            return hops.stream().filter(p -> p.uri().toString().contains(pathPart)).findFirst()
                    .orElseThrow(() -> new AssertionError("no hop to " + pathPart + " in " + hops.stream().map(p -> p.status() + " " + p.uri()).toList()));
        }

        @Override
        public String toString() {
            return hops.stream().map(p -> p.status() + " " + p.uri()).collect(Collectors.joining(" -> "));
        }
    }
}
