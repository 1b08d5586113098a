package com.helpdesk.export.persistence.jdbc.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            assertThat(queryOne(second, "SELECT current_setting('server_encoding')")).isEqualTo("UTF8");
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
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already runs");
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
            assertThat(LeftoverPostmaster.readPid(directory.resolve(LeftoverPostmaster.PID_FILE)).orElseThrow())
                    .isNotEqualTo(gone.pid());
        }
    }

    @Test
    void aPostmasterLeftRunningByAKilledJvmIsStoppedAndTheDataIsKept() throws Exception {
        Path directory = temp.resolve("pgdata");
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LeftoverPostmasterMain.class.getName(), directory.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        long leftover;
        try {
            leftover = awaitReady(child);
        } finally {
            child.destroyForcibly(); // kill -9: no shutdown hook runs, the postmaster is left behind
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(child.isAlive()).isFalse();
        assertThat(LeftoverPostmaster.isPostmasterOf(leftover, directory))
                .as("the killed JVM left its postmaster running").isTrue();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, port)) {
            assertThat(queryOne(database, "SELECT note FROM survivor")).isEqualTo("written before kill -9");
            assertThat(LeftoverPostmaster.isRunning(leftover)).isFalse();
            assertThat(LeftoverPostmaster.readPid(directory.resolve(LeftoverPostmaster.PID_FILE)).orElseThrow())
                    .isNotEqualTo(leftover);
        }
    }

    private static long awaitReady(Process child) throws Exception {
        List<String> output = new ArrayList<>();
        CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
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
