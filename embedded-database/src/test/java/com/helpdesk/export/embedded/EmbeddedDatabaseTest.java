package com.helpdesk.export.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void temporaryDatabasesAreIndependentAndGoneWhenClosed() throws SQLException {
        Path firstDirectory;
        try (EmbeddedDatabase first = EmbeddedDatabase.startTemporary();
                EmbeddedDatabase second = EmbeddedDatabase.startTemporary()) {
            firstDirectory = first.dataDirectory();
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(first.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + first.port() + "/postgres");
            assertThat(queryOne(first, "SELECT 1")).isEqualTo("1");
            assertThat(queryOne(second, "SELECT current_setting('server_encoding')"))
                    .isEqualTo("UTF8");
        }
        assertThat(firstDirectory).doesNotExist();
    }

    @Test
    void aPersistentDatabaseKeepsItsDataAcrossRestarts() throws Exception {
        Path directory = temp.resolve("pgdata");
        int port = freePort();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, port)) {
            assertThat(database.port()).isEqualTo(port);
            execute(database, "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('still here')");
        }
        assertThat(directory.resolve("PG_VERSION")).exists();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, port)) {
            assertThat(queryOne(database, "SELECT note FROM kept")).isEqualTo("still here");
        }
    }

    @Test
    void oneDataDirectoryIsNeverStartedTwiceInOneJvm() {
        Path directory = temp.resolve("pgdata");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(directory, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already runs");
            assertThat(database.port()).isPositive();
        }
    }

    @Test
    void aStalePidFileIsRemoved() throws Exception {
        Path directory = temp.resolve("pgdata");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0)) {
            execute(database, "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('still here')");
        }
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Files.writeString(directory.resolve(LeftoverPostmaster.PID_FILE), gone.pid() + "\n" + directory + "\n");

        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0)) {
            assertThat(queryOne(database, "SELECT note FROM kept")).isEqualTo("still here");
            assertThat(LeftoverPostmaster.readPid(directory.resolve(LeftoverPostmaster.PID_FILE))
                            .orElseThrow())
                    .isNotEqualTo(gone.pid());
        }
    }

    /** The service's own server writes the least WAL; the same folder started for streaming gets the default back. */
    @Test
    void aStandaloneServerRunsWithMinimalWalAndAnOrdinaryOneWithTheDefault() throws Exception {
        Path directory = temp.resolve("pgdata");
        try (EmbeddedDatabase database = EmbeddedDatabase.startStandalone(directory, 0)) {
            execute(database, "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('still here')");
            assertThat(queryOne(database, "SHOW wal_level")).isEqualTo("minimal");
            assertThat(queryOne(database, "SHOW max_wal_senders")).isEqualTo("0");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0)) {
            assertThat(queryOne(database, "SHOW wal_level")).isEqualTo("replica");
            assertThat(queryOne(database, "SELECT note FROM kept")).isEqualTo("still here");
        }
    }

    @Test
    void aPostmasterLeftRunningByAKilledJvmIsStoppedAndTheDataIsKept() throws Exception {
        Path directory = temp.resolve("pgdata");
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LeftoverPostmasterMain.class.getName(),
                        directory.toString(),
                        Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        long leftover;
        try {
            leftover = awaitReady(child);
        } finally {
            child.destroyForcibly(); // kill -9: no shutdown hook runs, the postmaster is left behind
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(child.isAlive()).isFalse();
        assertThat(LeftoverPostmaster.isPostmasterOf(leftover, directory))
                .as("the killed JVM left its postmaster running")
                .isTrue();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, port)) {
            assertThat(queryOne(database, "SELECT note FROM survivor")).isEqualTo("written before kill -9");
            assertThat(LeftoverPostmaster.isRunning(leftover)).isFalse();
            assertThat(LeftoverPostmaster.readPid(directory.resolve(LeftoverPostmaster.PID_FILE))
                            .orElseThrow())
                    .isNotEqualTo(leftover);
        }
    }

    @Test
    void theServerTakesOnlyItsOwnRandomPasswordKeptInTheDataDirectory() throws Exception {
        Path directory = temp.resolve("pgdata");
        String password;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0)) {
            password = database.password();
            assertThat(password).matches("[A-Za-z0-9]{32}");
            Path file = directory.resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertThat(Files.readString(file).strip()).isEqualTo(password);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(queryOne(database, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust'"))
                    .isEqualTo("0");
            assertThatThrownBy(() -> connect(database.port(), "postgres"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> connect(database.port(), "")).isInstanceOf(SQLException.class);
            connect(database.port(), password).close();
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(directory, 0)) {
            assertThat(again.password()).as("kept across restarts").isEqualTo(password);
            assertThat(queryOne(again, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void aClusterOfAnEarlierVersionThatTrustedEveryoneIsSwitchedToPasswords() throws Exception {
        Path directory = temp.resolve("legacy");
        // what earlier versions made: zonky's defaults, initdb -A trust
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(freePort())
                .start()) {
            try (Connection connection = legacy.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (note text)");
                statement.execute("INSERT INTO kept VALUES ('from the trust days')");
            }
        }
        assertThat(directory.resolve(EmbeddedDatabase.PASSWORD_FILE)).doesNotExist();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0)) {
            assertThat(queryOne(database, "SELECT note FROM kept")).isEqualTo("from the trust days");
            assertThat(directory.resolve(EmbeddedDatabase.PASSWORD_FILE)).exists();
            assertThatThrownBy(() -> connect(database.port(), "anything")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void onlyAnEmbeddedPostmasterOfExactlyThisDataDirectoryIsTakenForALeftover() throws Exception {
        Path directory = temp.resolve("pgdata");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0)) {
            long postmaster = LeftoverPostmaster.readPid(directory.resolve(LeftoverPostmaster.PID_FILE))
                    .orElseThrow();
            assertThat(LeftoverPostmaster.isPostmasterOf(postmaster, directory)).isTrue();
            // a directory whose path merely contains the data directory's, or is contained in it
            Path sibling = Files.createDirectories(temp.resolve("pgdata-other"));
            assertThat(LeftoverPostmaster.isPostmasterOf(postmaster, sibling)).isFalse();
            assertThat(LeftoverPostmaster.isPostmasterOf(postmaster, temp)).isFalse();
            // a process that is not the embedded postgres, even one whose command line names the directory
            Process impostor = new ProcessBuilder("sleep", "30", "-D", directory.toString()).start();
            try {
                assertThat(LeftoverPostmaster.isPostmasterOf(impostor.pid(), directory))
                        .isFalse();
            } finally {
                impostor.destroyForcibly();
            }
            assertThat(LeftoverPostmaster.isPostmasterOf(ProcessHandle.current().pid(), directory))
                    .isFalse();
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password);
    }

    private static long awaitReady(Process child) throws Exception {
        List<String> output = new ArrayList<>();
        CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("READY ")) {
                        return Long.parseLong(line.substring("READY ".length()).trim());
                    }
                }
                throw new IllegalStateException("the child JVM ended before it was ready");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return ready.get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            synchronized (output) {
                throw new AssertionError("child JVM output:\n" + String.join("\n", output), e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void execute(EmbeddedDatabase database, String... sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static String queryOne(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
