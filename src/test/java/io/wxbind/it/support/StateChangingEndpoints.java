package io.wxbind.it.support;

import io.wxbind.auth.WeChatAuthenticationMechanism;
import io.wxbind.web.WxBindWebSetup;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every state-changing endpoint the production classes declare, found by reading them (not by
 * a list someone must remember to extend): JAX-RS methods with {@code @POST}, {@code @PUT},
 * {@code @PATCH} or {@code @DELETE} under the application path, and servlets (annotated, or
 * registered by {@link WxBindWebSetup}) that override
 * {@code doPost}, {@code doPut} or {@code doDelete}. Path parameters become {@code 1}, servlet
 * wildcards {@code x}.
 */
public final class StateChangingEndpoints {

    /** One endpoint: method and path below the context root (starting with "/"). */
    public record Endpoint(String method, String path) implements Comparable<Endpoint> {

        @Override
        public int compareTo(Endpoint o) {
            return (path + " " + method).compareTo(o.path + " " + o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Map<Class<? extends Annotation>, String> JAX_RS =
            Map.of(POST.class, "POST", PUT.class, "PUT", PATCH.class, "PATCH", DELETE.class, "DELETE");
    private static final Map<String, String> SERVLET = Map.of("doPost", "POST", "doPut", "PUT", "doDelete", "DELETE");

    private StateChangingEndpoints() {
    }

    public static Set<Endpoint> scan() {
        List<Class<?>> classes = productionClasses();
        String api = classes.stream().filter(c -> c.isAnnotationPresent(ApplicationPath.class)).findFirst()
                .map(c -> c.getAnnotation(ApplicationPath.class).value()).orElseThrow(() -> new AssertionError("no @ApplicationPath"));
        Set<Endpoint> found = new TreeSet<>();
        for (Class<?> c : classes) {
            if (c.isAnnotationPresent(Path.class)) {
                resources(c, join("/", api, c.getAnnotation(Path.class).value()), found);
            }
            if (c.isAnnotationPresent(WebServlet.class) && HttpServlet.class.isAssignableFrom(c)) { // the demo's
                WebServlet w = c.getAnnotation(WebServlet.class);
                servlets(c, Stream.concat(Stream.of(w.value()), Stream.of(w.urlPatterns())).toList(), found);
            }
        }
        WxBindWebSetup.SERVLETS.forEach((c, patterns) -> servlets(c, patterns, found)); // registered when defined
        for (Class<?> c : classes) {
            if (c.isAnnotationPresent(WebServlet.class) && WxBindWebSetup.SERVLETS.containsKey(c)) {
                throw new AssertionError(c + " is both annotated and registered");
            }
        }
        return found;
    }

    private static void resources(Class<?> c, String base, Set<Endpoint> found) {
        for (Method m : c.getDeclaredMethods()) {
            for (var e : JAX_RS.entrySet()) {
                if (m.isAnnotationPresent(e.getKey())) {
                    String sub = m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "";
                    found.add(new Endpoint(e.getValue(), join(base, sub).replaceAll("\\{[^}]*}", "1")));
                }
            }
        }
    }

    private static void servlets(Class<?> c, List<String> patterns, Set<Endpoint> found) {
        for (Method m : c.getDeclaredMethods()) {
            String method = SERVLET.get(m.getName());
            if (method != null) {
                for (String p : patterns) {
                    found.add(new Endpoint(method, p.isEmpty() ? "/" : p.endsWith("/*") ? p.substring(0, p.length() - 1) + "x" : p));
                }
            }
        }
    }

    private static String join(String... parts) {
        String joined = String.join("/", parts).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The classes next to the mechanism's (target/classes). */
    private static List<Class<?>> productionClasses() {
        try {
            java.nio.file.Path root = java.nio.file.Path.of(WeChatAuthenticationMechanism.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                        .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", ""))
                        .map(StateChangingEndpoints::load).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, StateChangingEndpoints.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
