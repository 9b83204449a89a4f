package io.wxbind.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line and environment of one Payara Micro child process. MicroProfile Config values
 * become {@code -Dkey=value}; secrets become environment variables (MicroProfile Config's
 * {@code wechat.app-secret} → {@code WECHAT_APP_SECRET}) so that they do not show in {@code ps}.
 * The database settings go to the {@code WXBIND_DB_*} variables that
 * {@code server-config/payara/post-boot-commands.asadmin} reads.
 */
final class PayaraCommand {

    private PayaraCommand() {
    }

    static List<String> commandLine(LaunchPaths paths, int port, Path rootDir, List<Path> wars,
            Map<String, String> systemProperties, String maxHeap) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + maxHeap);
        systemProperties.forEach((key, value) -> cmd.add("-D" + key + "=" + value));
        cmd.addAll(List.of("-jar", paths.payaraMicroJar().toString(),
                "--nocluster",
                "--port", Integer.toString(port),
                "--rootdir", rootDir.toString(),
                "--addlibs", paths.postgresqlJar().toString(),
                "--postbootcommandfile", paths.postBootCommands().toString()));
        for (Path war : wars) {
            cmd.add("--deploy");
            cmd.add(war.toString());
        }
        return cmd;
    }

    /**
     * Replaces inherited {@code WXBIND_*} and {@code WECHAT_*} variables (a developer's shell must
     * not change what the tests run against) with the database settings and {@code secrets}.
     */
    static void environment(Map<String, String> env, Database db, Map<String, String> secrets) {
        env.keySet().removeIf(name -> name.startsWith("WXBIND_") || name.startsWith("WECHAT_"));
        env.put("WXBIND_DB_HOST", forPostBoot(db.host()));
        env.put("WXBIND_DB_PORT", Integer.toString(db.port()));
        env.put("WXBIND_DB_NAME", forPostBoot(db.database()));
        env.put("WXBIND_DB_USER", forPostBoot(db.user()));
        if (!db.password().isEmpty()) {
            // Unset, the pool keeps the literal ${ENV=WXBIND_DB_PASSWORD}: fine for trust auth.
            env.put("WXBIND_DB_PASSWORD", forPostBoot(db.password()));
        }
        env.putAll(secrets);
    }

    /**
     * Payara substitutes {@code ${ENV=..}} into the post-boot line before parsing it, so ':' and
     * '\' must be escaped and whitespace cannot be expressed.
     */
    static String forPostBoot(String value) {
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Database settings for Payara must be non-empty without whitespace");
        }
        return value.replace("\\", "\\\\").replace(":", "\\:");
    }

    /** Config keys whose values must not appear on a command line. */
    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("secret") || k.contains("password") || k.endsWith("token") || k.endsWith("aes-key");
    }

    /** MicroProfile Config's environment name for a key: non-alphanumerics to '_', upper case. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
