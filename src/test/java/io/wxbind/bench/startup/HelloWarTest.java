package io.wxbind.bench.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelloWarTest {

    @TempDir
    Path buildDir;

    @Test
    void buildWhenCalledThenWarHoldsOnlyTheHelloClasses() throws IOException {
        Path war = HelloWar.build(buildDir);

        assertEquals(buildDir.resolve("bench").resolve("hello.war"), war);
        try (ZipFile zip = new ZipFile(war.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("WEB-INF/classes/io/wxbind/bench/hello/HelloApplication.class"), names::toString);
            assertTrue(names.contains("WEB-INF/classes/io/wxbind/bench/hello/HelloResource.class"), names::toString);
            // No descriptor, no library: the baseline carries nothing the app WAR does not need too.
            assertTrue(names.stream().allMatch(n -> n.startsWith("WEB-INF/classes/io/wxbind/bench/hello/") && n.endsWith(".class")),
                    names::toString);
        }
    }

    @Test
    void buildWhenRunTwiceThenReplacesTheWar() {
        Path first = HelloWar.build(buildDir);
        Path second = HelloWar.build(buildDir);

        assertEquals(first, second);
        assertTrue(second.toFile().isFile());
    }
}
