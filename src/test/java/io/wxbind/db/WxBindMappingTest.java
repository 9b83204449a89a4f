package io.wxbind.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.wxbind.account.UserAccount;
import io.wxbind.testsupport.JpaTestDatabase;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WxBind's mapping file is what a host's persistence unit lists to hold WxBind's rows: it must
 * name every entity, and keep them out of a host unit's shared cache (a cached stamp or binding
 * would outlive a revocation made on another node).
 */
class WxBindMappingTest {

    /** A host unit that caches its own entities by default. */
    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase(Map.of("jakarta.persistence.sharedCache.mode", "DISABLE_SELECTIVE"));

    @Test
    void mappingFileListsEveryEntityOfTheSources() throws IOException {
        Set<String> listed = new TreeSet<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(WxBindData.MAPPING_FILE)) {
            assertNotNull(in, WxBindData.MAPPING_FILE);
            Matcher m = Pattern.compile("<entity class=\"([^\"]+)\" cacheable=\"false\"/>").matcher(new String(in.readAllBytes()));
            while (m.find()) {
                listed.add(m.group(1));
            }
        }
        Set<String> entities = new TreeSet<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(f).contains("\n@" + Entity.class.getSimpleName() + "\n")) {
                    entities.add(root.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", ""));
                }
            }
        }
        assertFalse(entities.isEmpty(), "no entity found under " + root);
        assertEquals(entities, listed, "every @Entity, each marked cacheable=\"false\"");
    }

    @Test
    void hostUnitCachingByDefaultStillNeverCachesWxBindRows() {
        Long id = db.inTransaction(em -> {
            UserAccount account = new UserAccount("mapping-cache", null, null, "Cache", Set.of("user"), Instant.now());
            em.persist(account);
            em.flush();
            return (Long) em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(account);
        });
        assertEquals("Cache", db.inTransaction(em -> em.find(UserAccount.class, id).displayName()));
        assertFalse(db.sharedCache().contains(UserAccount.class, id), "WxBind's account was put into the host unit's shared cache");
    }
}
