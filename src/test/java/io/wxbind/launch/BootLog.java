package io.wxbind.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A starting node's console log, as {@link Readiness} reads it. */
abstract class BootLog {

    private static final Pattern ANSI_COLOR = Pattern.compile("\u001B\\[[0-9;]*m");

    private final Path file;

    BootLog(Path file) {
        this.file = file;
    }

    final Path file() {
        return file;
    }

    /** A reason to stop waiting (a failed boot step or deployment), if the log shows one. */
    abstract Optional<String> bootProblem(Collection<String> expectedApps);

    /** The last {@code count} lines, without ANSI colours. */
    final String tail(int count) {
        List<String> lines = text().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** The whole log so far, without ANSI colours. */
    final String text() {
        try {
            byte[] bytes = Files.exists(file()) ? Files.readAllBytes(file()) : new byte[0];
            return ANSI_COLOR.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("");
        } catch (IOException e) {
            return "(cannot read " + file() + ": " + e + ")";
        }
    }
}
