package io.wxbind.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wxbind.launch.WxBindStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks the launcher itself before other server tests rely on it: the shared stack starts, the
 * node serves the app and the simulator, and the app's database is reachable and migrated.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class LaunchSelfTestIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static WxBindStack stack;

    @BeforeAll
    static void startStack() {
        stack = WxBindStack.shared();
    }

    @Test
    void appWhenStackStartedThenAnswers() throws Exception {
        int status = status(stack.appUrl());
        assertTrue(status != 404 && status < 500, "GET " + stack.appUrl() + " answered " + status);
    }

    @Test
    void simulatorWhenStackStartedThenAnswers() throws Exception {
        int status = status(stack.simulatorUrl());
        assertTrue(status != 404 && status < 500, "GET " + stack.simulatorUrl() + " answered " + status);
    }

    @Test
    void databaseWhenStackStartedThenAnswersQueries() throws SQLException {
        assertEquals(1, queryInt("select 1"));
    }

    @Test
    void schemaWhenAppDeployedThenMigratedThroughJdbcResource() throws SQLException {
        boolean migrated = queryInt("select count(*) from information_schema.tables"
                + " where table_name = 'wxbind_schema_history'") > 0;
        assumeTrue(migrated, "No wxbind_schema_history table in " + stack.database()
                + ": the app has not migrated (yet), so jdbc/wxbind was not checked end to end");
        assertTrue(queryInt("select count(*) from wxbind_schema_history where success") > 0,
                "wxbind_schema_history has no successful migration");
    }

    private static int status(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int queryInt(String sql) throws SQLException {
        try (Connection c = stack.database().connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
