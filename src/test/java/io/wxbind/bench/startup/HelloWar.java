package io.wxbind.bench.startup;

import io.wxbind.bench.hello.HelloApplication;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the baseline WAR of P7 at run time from the compiled {@code io.wxbind.bench.hello}
 * classes: {@code WEB-INF/classes/io/wxbind/bench/hello/*.class} and nothing else (no web.xml, no
 * beans.xml, no libraries), so the baseline carries nothing that the app WAR does not also need.
 * Built here rather than by Maven so the benchmark needs no extra packaging execution in the pom.
 */
final class HelloWar {

    static final String CONTEXT_ROOT = "hello";
    static final String PROBE = "/api/hello";
    private static final String PACKAGE_DIR = HelloApplication.class.getPackageName().replace('.', '/');

    private HelloWar() {
    }

    /** Writes {@code <buildDir>/bench/hello.war} (replacing an older one) and returns it. */
    static Path build(Path buildDir) {
        Path classesDir = testClassesDir().resolve(PACKAGE_DIR);
        Path war = buildDir.resolve("bench").resolve("hello.war");
        try (Stream<Path> files = Files.list(classesDir)) {
            List<Path> classes = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
            Files.createDirectories(war.getParent());
            Path temp = Files.createTempFile(war.getParent(), "hello", ".tmp");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                for (Path c : classes) {
                    zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + PACKAGE_DIR + "/" + c.getFileName()));
                    Files.copy(c, (OutputStream) zip);
                    zip.closeEntry();
                }
            }
            Files.move(temp, war, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return war;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build " + war + " from " + classesDir, e);
        }
    }

    /** Where the hello classes were loaded from: Maven's test-classes directory. */
    private static Path testClassesDir() {
        try {
            Path location = Path.of(HelloApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(location)) {
                throw new IllegalStateException("The hello classes come from " + location + ", not a classes directory");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the hello classes", e);
        }
    }
}
