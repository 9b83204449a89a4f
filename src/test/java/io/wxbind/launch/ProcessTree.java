package io.wxbind.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ends a server process and its descendants (a start script's JVM, say). */
final class ProcessTree {

    private ProcessTree() {
    }

    /** SIGTERM (or SIGKILL when {@code forcibly}) to all, SIGKILL to those still alive after {@code grace}. */
    static void end(Process process, boolean forcibly, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(forcibly ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(forcibly ? 5 : grace.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        process.onExit().join();
    }
}
