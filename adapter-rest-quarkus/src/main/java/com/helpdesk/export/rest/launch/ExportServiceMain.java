package com.helpdesk.export.rest.launch;

import com.helpdesk.export.persistence.jdbc.embedded.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;

/**
 * Starts the service. With no database configured ({@code QUARKUS_DATASOURCE_JDBC_URL} or
 * {@code -Dquarkus.datasource.jdbc.url}), it first starts an embedded PostgreSQL on a persistent folder
 * ({@code .data/postgres} by default; a server left over from a killed run is stopped first) and loads the demo
 * dataset, unless {@code EXPORT_DEMO_LOAD=false}.
 */
@QuarkusMain
public final class ExportServiceMain {

    private ExportServiceMain() {
    }

    public static void main(String... args) {
        EmbeddedDatabase database = null;
        if (setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", null) == null) {
            Path dataDirectory = Path.of(setting("export.embedded.data-dir", "EXPORT_EMBEDDED_DATA_DIR", ".data/postgres"));
            int port = Integer.parseInt(setting("export.embedded.port", "EXPORT_EMBEDDED_PORT", "54329"));
            System.out.printf("No database configured: starting embedded PostgreSQL in %s on port %d%n",
                    dataDirectory.toAbsolutePath(), port);
            database = EmbeddedDatabase.start(dataDirectory, port);
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", database.username());
            System.setProperty("quarkus.datasource.password", database.password());
            if (setting("export.demo-load", "EXPORT_DEMO_LOAD", null) == null) {
                System.setProperty("export.demo-load", "true");
            }
        }
        try {
            Quarkus.run(args);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
