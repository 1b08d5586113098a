package com.helpdesk.export.rest.launch;

import com.helpdesk.export.persistence.jdbc.admin.AdminCommands;
import com.helpdesk.export.persistence.jdbc.admin.AdminDatabase;
import com.helpdesk.export.persistence.jdbc.embedded.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;
import java.util.Arrays;

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
        if (args.length > 0 && args[0].equals("admin")) {
            // "admin <command>": teams, members and keys on the service's database, found as below (the embedded
            // one is used in place if the service runs it, else started for the command), opened only for a valid
            // command line and migrated first. No HTTP server starts.
            String url = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", null);
            AdminDatabase admin = url != null
                    ? AdminDatabase.configured(url,
                            setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME", null),
                            setting("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD", null), System.err)
                    : AdminDatabase.embedded(
                            Path.of(setting("export.embedded.data-dir", "EXPORT_EMBEDDED_DATA_DIR", ".data/postgres")),
                            Integer.parseInt(setting("export.embedded.port", "EXPORT_EMBEDDED_PORT", "54329")),
                            System.err);
            int status;
            try (admin) {
                status = AdminCommands.run(Arrays.copyOfRange(args, 1, args.length), admin::open, System.out,
                        System.err);
            }
            System.exit(status);
        }
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
