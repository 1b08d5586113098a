package com.helpdesk.export.rest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.read.ExportReadRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A datasource configured where Quarkus reads it (here {@code config/application.properties} in the
 * working folder) is used; one that cannot be reached makes the service fail. Neither ever starts the embedded
 * database or serves the public demo keys.
 */
class ConfiguredDatabaseIT {

    private static final String TEAM = DemoDataset.DEMO_TEAM_ID.toString();
    private static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";

    @TempDir
    Path work;

    @Test
    void aDatasourceInConfigApplicationPropertiesIsUsedAndTheDemoKeysDoNotExist() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startTemporary()) {
            // the administrator's one step: the role export snapshots read as (README, "Database roles")
            ExportReadRole.provideLogin(database.dataSource(), "reader", "reader-secret");
            Files.createDirectories(work.resolve("config"));
            Files.writeString(
                    work.resolve("config/application.properties"),
                    "quarkus.datasource.jdbc.url="
                            + database.jdbcUrl() + "\nquarkus.datasource.username=" + database.username()
                            + "\nquarkus.datasource.password=" + database.password()
                            + "\nexport.read-datasource.username=reader\nexport.read-datasource.password=reader-secret\n");
            try (ServiceProcess service =
                    ServiceProcess.start(work, "configured", Map.of()).awaitReady(Duration.ofSeconds(120))) {
                assertThat(service.export(DemoDataset.LIVE_SECRET_KEY, TEAM, SMALL)
                                .statusCode())
                        .as("the demo key on a database without the demo dataset")
                        .isEqualTo(401);
                assertThat(service.logText())
                        .doesNotContain("starting embedded PostgreSQL")
                        .doesNotContain("Demo dataset");
            }
            assertThat(work.resolve(".data")).as("no embedded database folder").doesNotExist();
            try (var connection = database.dataSource().getConnection();
                    var statement = connection.createStatement();
                    var migrated = statement.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
                migrated.next();
                assertThat(migrated.getInt(1))
                        .as("the configured database was migrated")
                        .isPositive();
            }
        }
    }

    @Test
    void exportReadsAsTheDatabaseOwnerAreRefusedAtStartWithEveryReasonNamed() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startTemporary()) {
            Files.createDirectories(work.resolve("config"));
            Files.writeString(
                    work.resolve("config/application.properties"),
                    "quarkus.datasource.jdbc.url="
                            + database.jdbcUrl() + "\nquarkus.datasource.username=" + database.username()
                            + "\nquarkus.datasource.password=" + database.password() + "\n");
            try (ServiceProcess service = ServiceProcess.start(work, "owner-reads", Map.of())) {
                int status = service.awaitExit(Duration.ofSeconds(90));
                assertThat(status)
                        .as("exit status (-1: still running after 90 s)\n" + service.logText())
                        .isNotIn(-1, 0);
                assertThat(service.logText())
                        .contains("Refusing to start: export snapshots would read as a role that may do more")
                        .contains("The export read role postgres is a superuser")
                        .contains("The export read role postgres owns public.api_keys")
                        .contains("The export read role postgres is a member of pg_execute_server_program")
                        .contains("Database roles");
            }
        }
    }

    @Test
    void aConfiguredDatabaseThatCannotBeReachedMakesTheServiceFailNotFallBack() throws Exception {
        Files.createDirectories(work.resolve("config"));
        Files.writeString(
                work.resolve("config/application.properties"),
                "quarkus.datasource.jdbc.url="
                        + "jdbc:postgresql://127.0.0.1:" + ServiceProcess.freePort() + "/helpdesk\n"
                        + "quarkus.datasource.username=helpdesk\nquarkus.datasource.password=secret\n");
        long start = System.nanoTime();
        try (ServiceProcess service = ServiceProcess.start(work, "unreachable", Map.of())) {
            int status = service.awaitExit(Duration.ofSeconds(90));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertThat(status)
                    .as("exit status (-1: still running after 90 s)\n" + service.logText())
                    .isNotIn(-1, 0);
            assertThat(service.logText()).doesNotContain("starting embedded PostgreSQL");
            System.out.printf(
                    "ConfiguredDatabaseIT: an unreachable configured database stopped the service after "
                            + "%d s with status %d%n",
                    seconds, status);
        }
        assertThat(work.resolve(".data")).doesNotExist();
    }

    @Test
    void aStandbyWithoutAPrimaryIsRefusedNotReadBesideTheEmbeddedDatabase() throws Exception {
        // export.read-datasource names a standby; of which primary, if none is configured? Not guessed.
        Files.createDirectories(work.resolve("config"));
        Files.writeString(
                work.resolve("config/application.properties"),
                "export.read-datasource.url=" + "jdbc:postgresql://127.0.0.1:" + ServiceProcess.freePort()
                        + "/helpdesk\n");
        try (ServiceProcess service = ServiceProcess.start(work, "standby-only", Map.of())) {
            assertThat(service.awaitExit(Duration.ofSeconds(60)))
                    .as(service.logText())
                    .isEqualTo(1);
            assertThat(service.logText())
                    .contains("no primary is configured")
                    .doesNotContain("starting embedded PostgreSQL");
        }
        assertThat(work.resolve(".data")).doesNotExist();
    }
}
