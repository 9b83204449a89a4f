package io.wxbind.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies (STYLE §12): features plug into {@code auth}, {@code account},
 * {@code config} and {@code db}, never the reverse, and no two packages need each other. Read
 * from {@code src/main/java} on every unit-test run; a failure names the files to change.
 */
class PackageDependencyTest {

    /** The packages that plug in (with their subpackages). */
    static final Set<String> FEATURES = Set.of("sms", "link", "qr", "push", "token", "notice", "miniprogram", "mobileapp", "rest", "web", "demo", "admin", "metrics").stream()
            .map(f -> "io.wxbind." + f).collect(Collectors.toUnmodifiableSet());

    private static final PackageGraph MAIN = PackageGraph.read(Path.of("src", "main", "java"));

    private static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /** Each use by a package within one of {@code users} of a package within one of {@code used}, as "from → to (files)". */
    private static List<String> uses(PackageGraph graph, Set<String> users, Set<String> used) {
        List<String> found = new ArrayList<>();
        for (String from : graph.packages()) {
            if (users.stream().anyMatch(u -> within(from, u))) {
                graph.usesOf(from).forEach((to, files) -> {
                    if (used.stream().anyMatch(u -> within(to, u))) {
                        found.add(from + " → " + to + " " + files);
                    }
                });
            }
        }
        return found;
    }

    @Test
    void authDbAndAccountWhenReadThenTheyUseNoFeaturePackage() {
        assertEquals(List.of(), uses(MAIN, Set.of("io.wxbind.auth", "io.wxbind.db", "io.wxbind.account"), FEATURES),
                "auth (and its subpackages), db and account must not know the features: give them an SPI or an event the feature implements or observes");
    }

    @Test
    void accountWhenReadThenItUsesNotTheLoginFlow() {
        assertEquals(List.of(), uses(MAIN, Set.of("io.wxbind.account"), Set.of("io.wxbind.auth.flow")),
                "account sits below the login flow: move what both need to io.wxbind.util or io.wxbind.wechat");
    }

    @Test
    void packagesWhenReadThenNoCycle() {
        List<Set<String>> cycles = MAIN.cycles();
        assertTrue(cycles.isEmpty(), () -> "package cycles:" + cycles.stream().map(MAIN::describe).collect(Collectors.joining("\n")));
    }

    @Test
    void readWhenMainSourcesThenTheKnownPlugInUsesAreSeen() {
        // Guards the guard: a reader that found nothing would pass every rule above.
        assertTrue(MAIN.packages().containsAll(Set.of("io.wxbind.auth", "io.wxbind.auth.flow", "io.wxbind.db", "io.wxbind.sms")),
                MAIN.packages().toString());
        assertTrue(MAIN.usesOf("io.wxbind.sms").containsKey("io.wxbind.auth"), "SmsBindProof plugs into auth");
        assertTrue(MAIN.usesOf("io.wxbind.link").containsKey("io.wxbind.auth"), "LinkLoginEntry plugs into auth");
        assertTrue(MAIN.usesOf("io.wxbind.qr").containsKey("io.wxbind.db"), "QrScenePurge plugs into db");
    }

    @Test
    void readWhenCommentsStringsStaticAndWildcardImportsThenOnlyCodeCounts() {
        PackageGraph graph = PackageGraph.of(Map.of("a/A.java", """
                package io.wxbind.auth;

                import static io.wxbind.config.Keys.NAME;
                import io.wxbind.guard.*;
                // import io.wxbind.sms.SmsCodeService;
                /** See {@link io.wxbind.qr.QrScene}. */
                class A {
                    String s = "io.wxbind.link.LinkTicket";
                    char c = '"';
                    Object o = io.wxbind.wechat.WeChatParams.CODE; // io.wxbind.push.Nope
                }
                """));
        assertEquals(Set.of("io.wxbind.config", "io.wxbind.guard", "io.wxbind.wechat"), graph.usesOf("io.wxbind.auth").keySet());
    }

    @Test
    void cyclesWhenPackagesNeedEachOtherThenEachCycleReportedWithItsFiles() {
        PackageGraph graph = PackageGraph.of(Map.of(
                "auth/A.java", "package io.wxbind.auth; import io.wxbind.sms.S; class A {}",
                "sms/S.java", "package io.wxbind.sms; import io.wxbind.auth.A; class S {}",
                "x/X.java", "package io.wxbind.x; import io.wxbind.y.Y; class X {}",
                "y/Y.java", "package io.wxbind.y; import io.wxbind.z.Z; class Y {}",
                "z/Z.java", "package io.wxbind.z; import io.wxbind.x.X; import io.wxbind.auth.A; class Z {}"));
        assertEquals(List.of(Set.of("io.wxbind.auth", "io.wxbind.sms"), Set.of("io.wxbind.x", "io.wxbind.y", "io.wxbind.z")),
                graph.cycles().stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList());
        String auth = graph.describe(Set.of("io.wxbind.auth", "io.wxbind.sms"));
        assertTrue(auth.contains("io.wxbind.auth → io.wxbind.sms (auth/A.java)") && auth.contains("io.wxbind.sms → io.wxbind.auth (sms/S.java)"),
                auth);
        assertEquals(List.of("io.wxbind.auth → io.wxbind.sms [auth/A.java]"), uses(graph, Set.of("io.wxbind.auth"), FEATURES));
    }
}
