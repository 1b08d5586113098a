package com.helpdesk.export.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.embedded.EmbeddedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class AdminDatabaseTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream notes = new ByteArrayOutputStream();
    private final PrintStream notesStream = new PrintStream(notes, true, StandardCharsets.UTF_8);

    @Test
    void theEmbeddedDatabaseIsStartedMigratedAndStoppedWhenNothingRunsIt() throws Exception {
        Path directory = temp.resolve("pgdata");
        int port = freePort();
        DataSource dataSource;
        try (AdminDatabase database = AdminDatabase.embedded(directory, port, notesStream)) {
            assertThat(notes.toString(StandardCharsets.UTF_8))
                    .as("nothing before open()")
                    .isEmpty();
            dataSource = database.open();
            assertThat(database.open()).isSameAs(dataSource);
            assertThat(queryOne(dataSource, "SELECT to_regclass('api_keys') IS NOT NULL"))
                    .isEqualTo("t");
            assertThat(com.helpdesk.export.cli.AdminCommands.run(
                            new String[] {"create-team", "--name", "Acme"},
                            new com.helpdesk.export.application.service.KeyAdministrationService(
                                    new com.helpdesk.export.persistence.jdbc.access.JdbcKeyAdministration(dataSource),
                                    java.time.Clock.systemUTC()),
                            new PrintStream(new ByteArrayOutputStream()),
                            System.err))
                    .isZero();
        }
        assertThat(notes.toString(StandardCharsets.UTF_8))
                .isEqualTo("Database: starting the embedded PostgreSQL in " + directory.toAbsolutePath() + " on port "
                        + port + " for this command.\n");
        assertThatThrownBy(() -> queryOne(dataSource, "SELECT 1")).as("stopped").isInstanceOf(SQLException.class);

        // the data stays in the folder, for the service and the next command
        try (EmbeddedDatabase again = EmbeddedDatabase.start(directory, port)) {
            assertThat(queryOne(again.dataSource(), "SELECT name FROM teams")).isEqualTo("Acme");
        }
    }

    @Test
    void anEmbeddedDatabaseThatAlreadyRunsOnTheFolderIsUsedInPlaceAndLeftRunning() throws Exception {
        Path directory = temp.resolve("pgdata");
        int port = freePort();
        try (EmbeddedDatabase running = EmbeddedDatabase.start(directory, port)) {
            try (AdminDatabase database = AdminDatabase.embedded(directory, port, notesStream)) {
                // starting it a second time in this JVM would throw: open() connects to the running server
                DataSource dataSource = database.open();
                assertThat(queryOne(dataSource, "SELECT to_regclass('teams') IS NOT NULL"))
                        .isEqualTo("t");
            }
            assertThat(notes.toString(StandardCharsets.UTF_8))
                    .isEqualTo("Database: the embedded PostgreSQL already " + "running in " + directory.toAbsolutePath()
                            + " on port " + port + ".\n");
            assertThat(queryOne(running.dataSource(), "SELECT count(*) FROM teams"))
                    .as("still running")
                    .isEqualTo("0");
        }
    }

    @Test
    void portZeroStartsTheEmbeddedDatabaseOnAFreePort() throws SQLException {
        try (AdminDatabase database = AdminDatabase.embedded(temp.resolve("pgdata"), 0, notesStream)) {
            assertThat(queryOne(database.open(), "SELECT to_regclass('members') IS NOT NULL"))
                    .isEqualTo("t");
        }
        assertThat(notes.toString(StandardCharsets.UTF_8)).endsWith(" on a free port for this command.\n");
        assertThatThrownBy(() -> AdminDatabase.embedded(temp, 65_536, notesStream))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfiguredDatabaseIsMigratedAndItsUrlParametersAreNotPrinted() throws SQLException {
        try (EmbeddedDatabase server = EmbeddedDatabase.startTemporary()) {
            PGSimpleDataSource empty = new PGSimpleDataSource();
            try (Connection connection = server.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE admin_configured");
            }
            empty.setDatabaseName("admin_configured");
            empty.setUser(server.username());
            empty.setPassword(server.password());
            String url = "jdbc:postgresql://localhost:" + server.port() + "/admin_configured";

            // the password given as the setting overrides the URL's (which is wrong here, and must not be printed)
            try (AdminDatabase database = AdminDatabase.configured(
                    url + "?password=s3cr3t", empty.getUser(), empty.getPassword(), notesStream)) {
                DataSource dataSource = database.open();
                assertThat(queryOne(dataSource, "SELECT to_regclass('api_keys') IS NOT NULL"))
                        .isEqualTo("t");
                assertThat(queryOne(dataSource, "SELECT current_database()")).isEqualTo(empty.getDatabaseName());
            }
            assertThat(notes.toString(StandardCharsets.UTF_8)).isEqualTo("Database: " + url + " (configured).\n");
        }
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedAndTheCommandFails() {
        try (AdminDatabase database = AdminDatabase.configured("jdbc:h2:mem:x", null, null, notesStream)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = AdminLauncher.run(
                    new String[] {"create-team", "--name", "Acme"},
                    database,
                    java.time.Clock.systemUTC(),
                    new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: cannot open the database: ");
        }
    }

    private static String queryOne(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
