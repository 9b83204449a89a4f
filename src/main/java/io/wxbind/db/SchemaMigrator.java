package io.wxbind.db;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
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
    /**
     * Where the servers bind the datasource {@code jdbc/wxbind}: Payara under the resource's own
     * name, WildFly under {@code java:/} ({@code server-config/wildfly}). Looked up here rather than
     * injected with {@code @Resource(lookup = "jdbc/wxbind")}: WildFly reads that relative name as
     * {@code java:comp/env/jdbc/wxbind}, which only a {@code jboss-web.xml} of the WAR maps, and a
     * host portal's WAR has none of ours (the persistence unit's {@code jdbc/wxbind} resolves on both).
     * A {@code @WxBindData DataSource} the application produces comes first.
     */
    static final List<String> JNDI_NAMES = List.of("jdbc/wxbind", "java:/jdbc/wxbind");
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    /** The host's datasource, if it produces one (a host whose datasource has another name). */
    @Inject
    @WxBindData
    Instance<DataSource> declared;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object deployed) {
        var result = configure(dataSource(), getClass().getClassLoader()).load().migrate();
        // Flyway leaves targetSchemaVersion null when nothing was applied: the schema is then where it started.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "WxBind schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    DataSource dataSource() {
        if (declared != null && declared.isResolvable()) {
            return declared.get();
        }
        NamingException last = null;
        for (String name : JNDI_NAMES) {
            try {
                return (DataSource) new InitialContext().lookup(name);
            } catch (NamingException e) {
                last = e;
            }
        }
        throw new IllegalStateException("No datasource for WxBind: produce a @WxBindData DataSource, or bind jdbc/wxbind (looked up " + JNDI_NAMES + "): see README, Add WxBind to your portal", last);
    }

    /** The one Flyway configuration, shared with the tests. */
    public static org.flywaydb.core.api.configuration.FluentConfiguration configure(DataSource ds, ClassLoader loader) {
        return Flyway.configure(loader).dataSource(ds).locations(LOCATION).table(HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion("0");
    }
}
