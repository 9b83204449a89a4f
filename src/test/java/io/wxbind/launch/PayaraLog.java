package io.wxbind.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one node's console log (stdout + stderr of the Payara Micro process): the boot problems
 * that make further waiting pointless, and the last lines for error messages.
 */
final class PayaraLog {

    private static final Pattern ANSI_COLOR = Pattern.compile("\u001B\\[[0-9;]*m");
    /** A line of the post-boot command file failed (the datasource is then missing). */
    private static final Pattern BOOT_COMMAND_FAILED = Pattern.compile("Boot Command (\\S+) failed");
    /** Printed once boot and all --deploy attempts are over, failed deployments included. */
    private static final Pattern BOOTED = Pattern.compile("Payara Micro \\S+ \\(build \\d+\\) ready in");

    private final Path file;

    PayaraLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * A reason to stop waiting: a failed post-boot command, or an app missing from the "Deployed"
     * list that Payara Micro prints when it has booted.
     */
    Optional<String> bootProblem(Collection<String> expectedApps) {
        String log = text();
        Matcher failed = BOOT_COMMAND_FAILED.matcher(log);
        if (failed.find()) {
            return Optional.of("post-boot command " + failed.group(1) + " failed");
        }
        if (BOOTED.matcher(log).find()) {
            for (String app : expectedApps) {
                if (!log.contains("\"Name\": \"" + app + "\"")) {
                    return Optional.of("Payara booted but did not deploy " + app + " (see the SEVERE lines)");
                }
            }
        }
        return Optional.empty();
    }

    /** The last {@code count} lines, without ANSI colours. */
    String tail(int count) {
        List<String> lines = text().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private String text() {
        try {
            byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            return ANSI_COLOR.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("");
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
