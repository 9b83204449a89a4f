package io.wxbind.launch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * An embedded PostgreSQL (zonky) of one test's own, on a fixed port and data directory, that the
 * test may {@link #stop()} and {@link #restart()}: what a database restart or fail-over looks like
 * to the app. The machine's PostgreSQL is shared by every test (and CI), so it is never the one
 * restarted. {@link #database()} is handed to a node; closing it stops the server and deletes the
 * data directory.
 */
public final class RestartableDatabase {

    private static final Logger LOG = Logger.getLogger(RestartableDatabase.class.getName());

    private final Path dataDir;
    private final int port;
    private final Database database;
    private EmbeddedPostgres server;

    private RestartableDatabase(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = startServer();
        this.database = Database.withWxBindDatabase(server, this::close);
    }

    /** Starts a new server whose data live in {@code dataDir} (created, and deleted on close). */
    public static RestartableDatabase start(Path dataDir) {
        return new RestartableDatabase(dataDir.toAbsolutePath(), Ports.free());
    }

    /** The {@code wxbind} database on this server; closing it stops the server for good. */
    public Database database() {
        return database;
    }

    /** Shuts the server down (fast mode: sessions are cut, as in a crash of the connections). */
    public synchronized void stop() {
        if (server != null) {
            closeServer();
            LOG.info(() -> "PostgreSQL on port " + port + " stopped");
        }
    }

    /** Starts the server again on the same port and data: the app must reconnect by itself. */
    public synchronized void restart() {
        if (server == null) {
            server = startServer();
            LOG.info(() -> "PostgreSQL on port " + port + " started again");
        }
    }

    private EmbeddedPostgres startServer() {
        try {
            // Same directory without initdb (postgresql.conf exists), same port: a restart, not a new server.
            return EmbeddedPostgres.builder().setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false)
                    .setPort(port).setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + " with data in " + dataDir, e);
        }
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on port " + port + " did not stop", e);
        } finally {
            server = null;
        }
    }

    private synchronized void close() {
        if (server != null) {
            closeServer();
        }
        PayaraNode.deleteTree(dataDir);
    }
}
