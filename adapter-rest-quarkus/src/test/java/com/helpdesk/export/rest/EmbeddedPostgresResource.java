package com.helpdesk.export.rest;

import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.read.ExportReadRole;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a real PostgreSQL (embedded, in a temporary folder) for the Quarkus tests and points the datasource at
 * it. Tests may stop it and start it again on the same folder and port, to see the service through an outage.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    /** The login role the tests' export snapshots read as. */
    static final String READER = "test_export_reader";

    private static Path directory;
    private static int port;
    private static EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("export-it-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = EmbeddedDatabase.start(directory.resolve("data"), 0);
        port = database.port();
        // export snapshots read as the least-privileged role, as in the service (its start checks the role)
        String readerPassword = database.storedSecret("export-reader");
        ExportReadRole.provideLogin(database.dataSource(), READER, readerPassword);
        return Map.of(
                "quarkus.datasource.jdbc.url",
                database.jdbcUrl(),
                "quarkus.datasource.username",
                database.username(),
                "quarkus.datasource.password",
                database.password(),
                "export.read-datasource.username",
                READER,
                "export.read-datasource.password",
                readerPassword,
                "export.demo-load",
                "true");
    }

    /** Stops the server, as an outage would. */
    static synchronized void stopDatabase() {
        database.close();
    }

    /** The postmaster and every process it started (its backends among them). */
    static synchronized List<ProcessHandle> serverProcesses() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(directory.resolve("data").resolve("postmaster.pid"))
                .get(0)
                .trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        all.addAll(postmaster.descendants().toList());
        return all;
    }

    /** Sends a signal ({@code STOP}, {@code CONT}) to the server's processes, as an operator's kill would. */
    static void signal(String signal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        for (ProcessHandle process : serverProcesses()) {
            command.add(Long.toString(process.pid()));
        }
        int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("kill -" + signal + " failed with " + status);
        }
    }

    /** Starts it again on the same data and port. */
    static synchronized void startDatabase() {
        database = EmbeddedDatabase.start(directory.resolve("data"), port);
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
