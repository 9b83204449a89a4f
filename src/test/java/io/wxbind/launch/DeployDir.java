package io.wxbind.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies a built WAR into {@link LaunchPaths#deployDir()} under the name that gives its context
 * root ({@code wxbind.war} → {@code /wxbind}, {@code wechat-sim.war} → {@code /wechat-sim}).
 * The copy is replaced atomically, so a node that is reading the old one is not disturbed.
 */
final class DeployDir {

    private DeployDir() {
    }

    /** Returns {@code deployDir/<contextRoot>.war}, refreshed when the built WAR changed. */
    static synchronized Path install(Path war, Path deployDir, String contextRoot) {
        Path target = deployDir.resolve(contextRoot + ".war");
        try {
            if (isCurrent(war, target)) {
                return target;
            }
            Files.createDirectories(deployDir);
            Path temp = Files.createTempFile(deployDir, contextRoot, ".tmp");
            Files.copy(war, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + war + " to " + target, e);
        }
    }

    private static boolean isCurrent(Path war, Path copy) throws IOException {
        return Files.exists(copy) && Files.size(copy) == Files.size(war)
                && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(war));
    }
}
