package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Only {@link WxBindConfigProducer} reads MicroProfile Config, and config depends on no other WxBind package. */
class ConfigSourcesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path PRODUCER = MAIN.resolve("io/wxbind/config/WxBindConfigProducer.java");
    private static final Pattern CONFIG_LOOKUP = Pattern.compile(
            "org\\.eclipse\\.microprofile\\.config|@ConfigProperty|ConfigProvider|getOptionalValue|getConfigValue");
    private static final Pattern WXBIND_IMPORT = Pattern.compile("^import (static )?io\\.wxbind\\.(?!config\\.)([a-z.]+)", Pattern.MULTILINE);

    @Test
    void sourcesWhenScannedThenOnlyTheProducerReadsMicroProfileConfig() throws IOException {
        List<String> offenders = javaFiles().filter(f -> !f.equals(PRODUCER))
                .filter(f -> CONFIG_LOOKUP.matcher(read(f)).find()).map(Path::toString).toList();
        assertEquals(List.of(), offenders, "read settings through io.wxbind.config's records instead");
        assertTrue(CONFIG_LOOKUP.matcher(read(PRODUCER)).find(), "the scan looks for what the producer really uses");
    }

    @Test
    void configWhenScannedThenImportsNoOtherWxBindPackage() throws IOException {
        List<String> offenders = javaFiles().filter(f -> f.startsWith(MAIN.resolve("io/wxbind/config")))
                .flatMap(f -> {
                    Matcher m = WXBIND_IMPORT.matcher(read(f));
                    return m.results().map(r -> f.getFileName() + " imports io.wxbind." + r.group(2));
                }).toList();
        assertEquals(List.of(), offenders, "features depend on config, never the reverse");
    }

    @Test
    void keysWhenReadByThePipelineThenDocumentedInServerConfigReadme() throws IOException {
        String readme = Files.readString(Path.of("server-config/README.md"));
        Pattern key = Pattern.compile("\"((wechat|wxbind)\\.[a-z0-9.-]+)\"");
        List<String> keys = javaFiles().filter(f -> f.startsWith(MAIN.resolve("io/wxbind/config")))
                .flatMap(f -> key.matcher(read(f)).results().map(r -> r.group(1))).distinct().toList();
        assertTrue(keys.contains("wxbind.protected-paths"), keys.toString());
        assertEquals(List.of(), keys.stream().filter(k -> !readme.contains("`" + k)).toList(), "document them in server-config/README.md");
    }

    private static Stream<Path> javaFiles() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the project directory");
        return Files.walk(MAIN).filter(f -> f.toString().endsWith(".java")).toList().stream();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
