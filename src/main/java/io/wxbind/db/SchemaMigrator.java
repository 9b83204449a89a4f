package io.wxbind.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies WxBind's versioned migrations when the application deploys (never JPA schema
 * generation). Its own history table keeps it apart from a host portal's Flyway. A failed
 * migration fails the deployment. Beans that touch the database at start-up
 * {@code @DependsOn("SchemaMigrator")}.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    public static final String LOCATION = "classpath:db/migration/wxbind";
    public static final String HISTORY_TABLE = "wxbind_schema_history";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/wxbind")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = configure(dataSource, getClass().getClassLoader()).load().migrate();
        // Flyway leaves targetSchemaVersion null when nothing was applied: the schema is then where it started.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "WxBind schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** The one Flyway configuration, shared with the tests. */
    public static org.flywaydb.core.api.configuration.FluentConfiguration configure(DataSource ds, ClassLoader loader) {
        return Flyway.configure(loader).dataSource(ds).locations(LOCATION).table(HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion("0");
    }
}
