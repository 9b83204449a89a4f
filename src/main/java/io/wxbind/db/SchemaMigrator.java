package io.wxbind.db;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies WxBind's versioned migrations when the application deploys (never JPA schema
 * generation), and only when it declares {@code @WeChatAuthenticationMechanismDefinition}: the
 * auth package's extension vetoes this observer otherwise. It observes the application's start
 * first ({@link Interceptor.Priority#PLATFORM_BEFORE}), so every other start-up observer and timer
 * finds the schema in place. A failed migration fails the deployment.
 *
 * <p>Apart from a host portal's own Flyway: its own history table, tables prefixed
 * {@code wxbind_}, and scripts under {@code io/wxbind/db/migration}, which a host's default
 * location {@code db/migration} (scanned recursively) does not reach.
 */
@ApplicationScoped
public class SchemaMigrator {

    public static final String LOCATION = "classpath:io/wxbind/db/migration";
    public static final String HISTORY_TABLE = "wxbind_schema_history";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/wxbind")
    DataSource dataSource;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object deployed) {
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
