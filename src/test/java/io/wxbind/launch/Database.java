package io.wxbind.launch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * A running PostgreSQL database for WxBind, and how to reach it.
 *
 * <p>If the given environment variable holds a JDBC URL, that server is used: tests get a fresh
 * database {@code wxbind_it_<random>} on it, dropped on {@link #close()}; the demo uses the URL as
 * is. The login comes from the URL ({@code ?user=..&password=..}), else from the variables named
 * like the URL variable with {@code JDBC_URL} replaced by {@code DB_USER} / {@code DB_PASSWORD}
 * ({@code WXBIND_TEST_DB_USER}), else {@code postgres} without a password (the local trust setup).
 * Without a URL an embedded PostgreSQL (zonky) starts with database {@code wxbind} owned by user
 * {@code wxbind}; it stops on {@link #close()}.
 */
public final class Database implements AutoCloseable {

    /** The variable the integration tests read. */
    public static final String TEST_URL_ENV = "WXBIND_TEST_JDBC_URL";
    /** The variable the demo reads. */
    public static final String DEMO_URL_ENV = "WXBIND_JDBC_URL";

    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final Closer closer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(String host, int port, String database, String user, String password, Closer closer) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.closer = closer;
    }

    /** Test use: a fresh database on the server named by {@code envVar}, else embedded. */
    public static Database start(String envVar) {
        return start(envVar, true);
    }

    /** As {@link #start(String)}; with {@code freshDatabase=false} the URL's database is used as is. */
    public static Database start(String envVar, boolean freshDatabase) {
        String url = System.getenv(envVar);
        if (url == null || url.isBlank()) {
            return embedded();
        }
        Database given = fromUrl(url.trim(), envVar);
        return freshDatabase ? given.freshSibling() : given;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** Empty when the server needs none (trust authentication). */
    public String password() {
        return password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** Drops the fresh test database or stops the embedded server; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                closer.close();
            } catch (Exception e) {
                LOG.warning(() -> "Could not clean up " + this + ": " + e);
            }
        }
    }

    @Override
    public String toString() {
        return jdbcUrl() + " as " + user;
    }

    private static Database embedded() {
        long started = System.nanoTime();
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start", e);
        }
        Database db = withWxBindDatabase(pg, pg::close);
        LOG.info(() -> "Embedded PostgreSQL " + db + " ready in " + millisSince(started) + " ms");
        return db;
    }

    /** Creates user and database {@code wxbind} on a fresh embedded server; {@code closer} runs on {@link #close()}. */
    static Database withWxBindDatabase(EmbeddedPostgres pg, Closer closer) {
        String password = randomAlphanumeric(24);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create user wxbind password '" + password + "'");
            s.execute("create database wxbind owner wxbind");
        } catch (SQLException e) {
            closeQuietly(pg);
            throw new IllegalStateException("Could not create database wxbind in embedded PostgreSQL", e);
        }
        return new Database("localhost", pg.getPort(), "wxbind", "wxbind", password, closer);
    }

    private static Database fromUrl(String url, String envVar) {
        Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
        if (parsed == null) {
            throw new IllegalArgumentException(envVar + " is not a jdbc:postgresql:// URL: " + url);
        }
        String prefix = envVar.replace("JDBC_URL", "");
        String user = firstNonBlank(parsed.getProperty("user"), System.getenv(prefix + "DB_USER"), "postgres");
        String password = firstNonBlank(parsed.getProperty("password"), System.getenv(prefix + "DB_PASSWORD"), "");
        return new Database(parsed.getProperty("PGHOST"), Integer.parseInt(parsed.getProperty("PGPORT")),
                parsed.getProperty("PGDBNAME"), user, password, () -> { });
    }

    /** Creates {@code wxbind_it_<random>} next to this database; closing the result drops it. */
    private Database freshSibling() {
        String name = "wxbind_it_" + randomAlphanumeric(10).toLowerCase();
        execute("create database " + name);
        Database fresh = new Database(host, port, name, user, password, () -> dropDatabase(name));
        LOG.info(() -> "Created test database " + fresh);
        return fresh;
    }

    private void dropDatabase(String name) {
        try {
            execute("drop database if exists " + name + " with (force)");
        } catch (IllegalStateException e) {
            execute("drop database if exists " + name); // PostgreSQL < 13 has no (force)
        }
    }

    private void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("`" + sql + "` failed on " + this + ": " + e.getMessage(), e);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    static String randomAlphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    @FunctionalInterface
    interface Closer {
        void close() throws Exception;
    }
}
