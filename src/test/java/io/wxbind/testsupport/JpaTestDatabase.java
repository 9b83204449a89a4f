package io.wxbind.testsupport;

import io.wxbind.db.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;

/**
 * A real PostgreSQL (embedded) with WxBind's Flyway migrations applied, and the production
 * persistence unit run in Java SE mode (resource-local) on it: the JPA stores are tested on the
 * database they run on, without an application server.
 */
public final class JpaTestDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final EntityManagerFactory emf;

    private JpaTestDatabase(EmbeddedPostgres postgres, EntityManagerFactory emf) {
        this.postgres = postgres;
        this.emf = emf;
    }

    public static JpaTestDatabase start() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.start();
            SchemaMigrator.configure(pg.getPostgresDatabase(), JpaTestDatabase.class.getClassLoader()).load().migrate();
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("wxbind", Map.of(
                    "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                    "jakarta.persistence.jtaDataSource", "",
                    "jakarta.persistence.jdbc.url", pg.getJdbcUrl("postgres", "postgres"),
                    "jakarta.persistence.jdbc.user", "postgres",
                    "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                    "eclipselink.target-server", "None",
                    "eclipselink.logging.level", "WARNING"));
            return new JpaTestDatabase(pg, emf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    public javax.sql.DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        emf.close();
        postgres.close();
    }
}
