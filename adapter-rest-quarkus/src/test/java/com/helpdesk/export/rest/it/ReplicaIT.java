package com.helpdesk.export.rest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.read.ExportReadRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports read from a real streaming hot standby that the test makes itself ({@link StandbyDatabase}),
 * while keys, limits and leases stay on the primary. Rows committed on the primary appear in exports once the
 * standby replayed them (and not before: replay paused, they are not there); one export is one snapshot on the
 * standby too, while the primary writes and the standby replays; with the standby gone, exports answer 503
 * {@code service_unavailable} (no fallback to the primary), every other answer is unchanged, readiness stays UP
 * and {@code /q/health/well} says that the export database cannot be reached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = DemoDataset.DEMO_TEAM_ID.toString();
    private static final String KEY = DemoDataset.LIVE_SECRET_KEY;
    private static final Duration REPLAY = Duration.ofSeconds(30);

    @TempDir
    static Path work;

    private EmbeddedDatabase primary;
    private EmbeddedDatabase standby;
    private ServiceProcess service;

    @BeforeAll
    void start() throws Exception {
        primary = EmbeddedDatabase.startTemporary();
        standby = StandbyDatabase.of(primary, work.resolve("standby"));
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.datasource.jdbc.url", primary.jdbcUrl());
        properties.put("quarkus.datasource.username", primary.username());
        properties.put("quarkus.datasource.password", primary.password());
        properties.put("export.read-datasource.url", standby.jdbcUrl());
        // the role export snapshots read as, made on the primary: the standby replays it with everything else
        ExportReadRole.provideLogin(primary.dataSource(), "reader", "reader-secret");
        properties.put("export.read-datasource.username", "reader");
        properties.put("export.read-datasource.password", "reader-secret");
        properties.put("export.demo-load", "true"); // on the primary; the standby replays it
        // This test is not about rate limits: its snapshot loop makes hundreds of calls with one key, on a fast
        // machine more than the hourly 1,000 (CI answered 429 once).
        properties.put("export.rate-limit.secret-per-window", "1000000");
        service = ServiceProcess.start(work, "replica", properties).awaitReady(Duration.ofSeconds(120));
        awaitReplayed();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {service, standby, primary}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void theStandbyIsInRecoveryAndTheHealthSaysExportsAreReadThere() throws Exception {
        assertThat(single(standby, "SELECT pg_is_in_recovery()::text")).isEqualTo("true");
        assertThat(single(primary, "SELECT pg_is_in_recovery()::text")).isEqualTo("false");
        HttpResponse<String> well = ServiceProcess.get(service.managementPort, "/q/health/well");
        assertThat(well.statusCode()).isEqualTo(200);
        JsonNode check = JSON.readTree(well.body()).path("checks").get(0);
        assertThat(check.path("name").asText()).isEqualTo("export-reads");
        assertThat(check.path("status").asText()).isEqualTo("UP");
        assertThat(check.path("data").path("database").asText()).isEqualTo("standby");
    }

    @Test
    @Order(2)
    void rowsCommittedOnThePrimaryAreExportedOnceTheStandbyReplayedThemAndNotBefore() throws Exception {
        String name = "Replica probe " + UUID.randomUUID();
        String body = "{\"resources\":[{\"type\":\"customers\",\"filters\":{\"search\":\"" + name + "\"},"
                + "\"fields\":[\"id\",\"name\"]}]}";
        execute(standby, "SELECT pg_wal_replay_pause()");
        try {
            execute(
                    primary,
                    "INSERT INTO customers (id, team_id, mode, name, status, sentiment, created_at, "
                            + "updated_at) VALUES (gen_random_uuid(), '" + TEAM + "', 'live', '" + name
                            + "', 'active', "
                            + "'neutral', now(), now())");
            assertThat(customers(body))
                    .as("committed on the primary, not yet replayed: read from the standby")
                    .isZero();
        } finally {
            execute(standby, "SELECT pg_wal_replay_resume()");
        }
        long start = System.nanoTime();
        int found = 0;
        while (found == 0 && System.nanoTime() - start < REPLAY.toNanos()) {
            Thread.sleep(100);
            found = customers(body);
        }
        assertThat(found).as("exported once replayed").isEqualTo(1);
        System.out.printf(
                "ReplicaIT: a row committed on the primary was exported from the standby %d ms after "
                        + "replay resumed%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    @Order(3)
    void oneExportIsOneSnapshotOnTheStandbyWhileThePrimaryWritesAndTheStandbyReplays() throws Exception {
        UUID ticket = UUID.randomUUID();
        String title = "Replica snapshot probe " + ticket;
        execute(
                primary,
                "INSERT INTO tickets (id, team_id, mode, title, status, priority, created_at, updated_at) "
                        + "VALUES ('" + ticket + "', '" + TEAM + "', 'live', '" + title
                        + "', 'open', 'low', now(), now())");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(
                () -> {
                    try (Connection connection = primary.dataSource().getConnection();
                            PreparedStatement insert =
                                    connection.prepareStatement("INSERT INTO messages (id, team_id, mode, "
                                            + "ticket_id, sender, sender_name, content, created_at) VALUES (gen_random_uuid(), ?::uuid, "
                                            + "'live', ?, 'system', 'Automation', 'update', now())")) {
                        insert.setString(1, TEAM);
                        insert.setObject(2, ticket);
                        while (writing.get()) {
                            insert.executeUpdate();
                            written.incrementAndGet();
                            Thread.sleep(2);
                        }
                    } catch (SQLException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                },
                "primary-writer");
        writer.start();
        String body = "{\"resources\":[{\"type\":\"tickets\",\"filters\":{\"search\":\"" + title + "\"},"
                + "\"fields\":[\"id\",\"messageCount\"]},{\"type\":\"messages\",\"filters\":{\"ticketId\":\"" + ticket
                + "\"},\"fields\":[\"id\"]}]}";
        Set<Integer> seen = new HashSet<>();
        try {
            long start = System.nanoTime();
            int calls = 0;
            while (System.nanoTime() - start < Duration.ofSeconds(8).toNanos() && calls++ < 600) {
                Thread.sleep(5);
                HttpResponse<String> response = service.export(KEY, TEAM, body);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode resources = JSON.readTree(response.body()).path("data").path("resources");
                int messages = resources.path("messages").size();
                if (resources.path("tickets").size() == 1) {
                    assertThat(resources
                                    .path("tickets")
                                    .get(0)
                                    .path("messageCount")
                                    .asInt())
                            .as("messageCount and the messages of one export")
                            .isEqualTo(messages);
                    seen.add(messages);
                } else {
                    assertThat(messages).as("no ticket yet, no messages").isZero();
                }
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(written.get()).isPositive();
        assertThat(seen)
                .as("exports saw the standby move on while they read it")
                .hasSizeGreaterThan(2);
    }

    @Test
    @Order(4)
    void withTheStandbyGoneExportsAre503AndEverythingElseAnswersAsBefore() throws Exception {
        standby.close();
        String small = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";
        HttpResponse<String> export = service.export(KEY, TEAM, small);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(503);
        assertThat(export.body()).contains("service_unavailable");
        assertThat(export.headers().firstValue("Retry-After")).isPresent();
        assertThat(export.body()).doesNotContain("Exception", "standby", "localhost");

        assertThat(service.export("sk_live_NoSuchKey0000000000000000", TEAM, small)
                        .statusCode())
                .as("key checks are on the primary")
                .isEqualTo(401);
        assertThat(ServiceProcess.get(service.managementPort, "/q/health/ready").statusCode())
                .as("ready: the instance answers every call in the contract's shape")
                .isEqualTo(200);
        HttpResponse<String> well = ServiceProcess.get(service.managementPort, "/q/health/well");
        assertThat(well.statusCode()).isEqualTo(503);
        JsonNode check = JSON.readTree(well.body()).path("checks").get(0);
        assertThat(check.path("name").asText()).isEqualTo("export-reads");
        assertThat(check.path("status").asText()).isEqualTo("DOWN");
    }

    private int customers(String body) throws Exception {
        HttpResponse<String> response = service.export(KEY, TEAM, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body())
                .path("data")
                .path("resources")
                .path("customers")
                .size();
    }

    /** Waits until the standby replayed everything the primary wrote so far (migrations and the demo load). */
    private void awaitReplayed() throws Exception {
        String target = single(primary, "SELECT pg_current_wal_lsn()::text");
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(120).toNanos()) {
            String behind = single(standby, "SELECT (pg_last_wal_replay_lsn() < '" + target + "'::pg_lsn)::text");
            if ("false".equals(behind)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the standby did not replay the primary's WAL up to " + target);
    }

    private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
