package io.wxbind.testsupport;

import io.wxbind.db.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL (embedded) with WxBind's Flyway migrations applied, and the production
 * persistence unit run in Java SE mode (resource-local) on it: the JPA stores are tested on the
 * database they run on, without an application server. A JUnit extension, one database per test
 * class: {@code @RegisterExtension static final JpaTestDatabase db = new JpaTestDatabase();}
 */
public final class JpaTestDatabase implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> overrides;
    private EmbeddedPostgres postgres;
    private EntityManagerFactory emf;

    public JpaTestDatabase() {
        this(Map.of());
    }

    /** With persistence-unit properties of a host's unit, e.g. its shared-cache mode. */
    public JpaTestDatabase(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.start();
        SchemaMigrator.configure(postgres.getPostgresDatabase(), JpaTestDatabase.class.getClassLoader()).load().migrate();
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "jakarta.persistence.jdbc.user", "postgres",
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "eclipselink.target-server", "None",
                "eclipselink.logging.level", "WARNING"));
        properties.putAll(overrides);
        emf = Persistence.createEntityManagerFactory("wxbind", properties);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (emf != null) {
                emf.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** Runs {@code work} in its own EntityManager and transaction, committing on return. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** The unit's shared (second-level) cache. */
    public jakarta.persistence.Cache sharedCache() {
        return emf.getCache();
    }

    public javax.sql.DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }
}
