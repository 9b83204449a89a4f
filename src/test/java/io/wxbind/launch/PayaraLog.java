package io.wxbind.launch;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one node's console log (stdout + stderr of the Payara Micro process): the boot problems
 * that make further waiting pointless, and the last lines for error messages.
 */
final class PayaraLog extends BootLog {

    /** A line of the post-boot command file failed (the datasource is then missing). */
    private static final Pattern BOOT_COMMAND_FAILED = Pattern.compile("Boot Command (\\S+) failed");
    /** Printed once boot and all --deploy attempts are over, failed deployments included. */
    private static final Pattern BOOTED = Pattern.compile("Payara Micro \\S+ \\(build \\d+\\) ready in");

    PayaraLog(Path file) {
        super(file);
    }

    /**
     * A reason to stop waiting: a failed post-boot command, or an app missing from the "Deployed"
     * list that Payara Micro prints when it has booted.
     */
    @Override
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
}
