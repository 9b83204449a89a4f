package io.wxbind.launch;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one WildFly node's console log: a rolled-back deployment, a boot "with errors", or an app
 * missing once the server says it has started (the deployment scanner deploys during boot).
 */
final class WildFlyLog extends BootLog {

    private static final Pattern ROLLED_BACK = Pattern.compile("WFLYSRV0021: Deploy of deployment \"([^\"]+)\" was rolled back");
    private static final Pattern STARTED = Pattern.compile("WFLYSRV002[56]: ");

    WildFlyLog(Path file) {
        super(file);
    }

    @Override
    Optional<String> bootProblem(Collection<String> expectedApps) {
        String log = text();
        Matcher rolledBack = ROLLED_BACK.matcher(log);
        if (rolledBack.find()) {
            return Optional.of("WildFly rolled back the deployment of " + rolledBack.group(1) + " (see the ERROR lines)");
        }
        if (log.contains("WFLYSRV0026: ")) {
            return Optional.of("WildFly started with errors (see the ERROR lines)");
        }
        if (STARTED.matcher(log).find()) {
            for (String app : expectedApps) {
                if (!log.contains("WFLYSRV0010: Deployed \"" + app + ".war\"")) {
                    return Optional.of("WildFly started but did not deploy " + app + ".war");
                }
            }
        }
        return Optional.empty();
    }
}
