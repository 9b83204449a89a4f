package io.wxbind.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code -Dbench.jfr=true}: a Java Flight Recorder recording (profile settings) of an app-server
 * process for the duration of a measure, started and dumped with {@code jcmd} so the server's
 * command line stays the one measured. Where a target is missed, the recording shows why
 * ({@code jfr print --events jdk.ExecutionSample}, or JDK Mission Control).
 */
public final class Recording implements AutoCloseable {

    private static final Recording NONE = new Recording(-1, null);

    private final long pid;
    private final Path file;

    private Recording(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** A running recording, or {@link #none()} when {@code bench.jfr} is not set. */
    public static Recording of(long pid, String name) {
        if (!Boolean.getBoolean("bench.jfr")) {
            return NONE;
        }
        Path file = Path.of(System.getProperty("wxbind.build.dir", "target"), "bench", name + ".jfr").toAbsolutePath();
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
        return new Recording(pid, file);
    }

    /** Records nothing. */
    public static Recording none() {
        return NONE;
    }

    @Override
    public void close() {
        if (this == NONE) {
            return;
        }
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + file);
        System.out.println("  JFR recording: " + file);
    }

    private static void jcmd(long pid, String... command) {
        try {
            Files.createDirectories(Path.of(System.getProperty("wxbind.build.dir", "target"), "bench"));
            List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid)));
            cmd.addAll(List.of(command));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                System.out.println("  jcmd " + String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            System.out.println("  jcmd failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
