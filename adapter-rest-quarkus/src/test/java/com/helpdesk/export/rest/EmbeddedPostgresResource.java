package com.helpdesk.export.rest;

import com.helpdesk.export.persistence.jdbc.embedded.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a real PostgreSQL (embedded, in a temporary folder) for the Quarkus tests and points the datasource at
 * it. Tests may stop it and start it again on the same folder and port, to see the service through an outage.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

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
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password(),
                "export.demo-load", "true");
    }

    /** Stops the server, as an outage would. */
    static synchronized void stopDatabase() {
        database.close();
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
