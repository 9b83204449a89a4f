package io.wxbind.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the server benchmarks in a JVM of their own with a low-pause collector. Under {@code exec:java}
 * they would run in Maven's JVM, whose G1 young pauses (10–40 ms with 200 user threads) stop
 * every user in flight and so land in the measured login latency (P5) as if the app had been slow.
 * ZGC pauses are well under a millisecond. The child gets the same classpath, every
 * {@code bench.*} and {@code wxbind.*} system property and the environment.
 */
final class OwnJvm {

    static final String FORKED = "bench.forked";
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseZGC", "-Xmx2g");

    private OwnJvm() {
    }

    /** True in the benchmarks' own JVM. */
    static boolean isOwn() {
        return Boolean.getBoolean(FORKED);
    }

    /** {@code overrides}: system properties set (or replaced) for the child only. */
    static void run(Class<?> main, String[] args, Map<String, String> overrides) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-D" + FORKED + "=true");
        Map<String, String> properties = new TreeMap<>();
        for (Map.Entry<Object, Object> p : System.getProperties().entrySet()) {
            String key = p.getKey().toString();
            if (key.startsWith("bench.") || key.startsWith("wxbind.")) {
                properties.put(key, p.getValue().toString());
            }
        }
        properties.putAll(overrides);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-classpath");
        command.add(classpath(main.getClassLoader()));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stop = new Thread(child::destroy, "stop-bench-jvm");
        Runtime.getRuntime().addShutdownHook(stop);
        int exit = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        if (exit != 0) {
            throw new IllegalStateException("the benchmark JVM exited with " + exit);
        }
    }

    /** The URLs of {@code exec:java}'s class loader (and its URL parents); the JVM's own class path otherwise. */
    static String classpath(ClassLoader loader) throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(Path.of(url.toURI()).toString());
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }
}
