package io.wxbind.it.support;

import io.wxbind.launch.AppServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the {@link Hostile} cases of a run and prints {@code N hostile cases, M accepted}: a case
 * is "accepted" when its test failed, i.e. the attack was not refused as asserted. Registered for
 * every JUnit run through {@code META-INF/services}; silent when a run has no hostile case. The
 * list of cases is written to {@code target/hostile-cases.txt} (or the build dir given to the run).
 */
public class HostileCaseListener implements TestExecutionListener {

    private static final TestTag TAG = TestTag.create(Hostile.TAG);

    private final List<String> refused = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest() || !isHostile(id)) {
            return;
        }
        String name = displayPath(id);
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            refused.add(name);
        } else {
            accepted.add(name);
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        int total = refused.size() + accepted.size();
        if (total == 0) {
            return;
        }
        System.out.println("[hostile suite] " + total + " hostile cases, " + accepted.size() + " accepted, on "
                + AppServer.forTests().displayName());
        accepted.forEach(a -> System.out.println("[hostile suite] ACCEPTED: " + a));
        List<String> lines = new ArrayList<>();
        lines.add(total + " hostile cases, " + accepted.size() + " accepted");
        accepted.forEach(a -> lines.add("ACCEPTED\t" + a));
        refused.forEach(r -> lines.add("refused\t" + r));
        try {
            Path dir = Path.of(System.getProperty("wxbind.build.dir", "target"));
            Files.createDirectories(dir);
            // The WildFly pass (a JVM of its own) keeps its list apart from the whole suite's.
            String file = AppServer.forTests() == AppServer.WILDFLY ? "hostile-cases-wildfly.txt" : "hostile-cases.txt";
            Files.write(dir.resolve(file), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("[hostile suite] could not write hostile-cases.txt: " + e.getMessage());
        }
    }

    /** Tags of the test or of any container above it (a parameterized invocation inherits its method's). */
    private boolean isHostile(TestIdentifier id) {
        for (TestIdentifier cur = id; cur != null; cur = plan.getParent(cur).orElse(null)) {
            if (cur.getTags().contains(TAG)) {
                return true;
            }
        }
        return false;
    }

    private String displayPath(TestIdentifier id) {
        List<String> parts = new ArrayList<>();
        for (TestIdentifier cur = id; cur != null; cur = plan.getParent(cur).orElse(null)) {
            if (cur.getParentId().isPresent()) {
                parts.add(0, cur.getDisplayName());
            }
        }
        return String.join(" > ", parts);
    }
}
