package com.helpdesk.export.rest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.rest.TestSql;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concurrency caps are exact across two instances of the packaged service on one PostgreSQL, and the
 * slots of an instance killed with {@code kill -9} are free again within a minute (the lease's time to live, 30 s).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceInstancesIT {

    private static final String TEAM = DemoDataset.DEMO_TEAM_ID.toString();
    private static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";
    /** Big enough not to fit in the sockets' buffers, so a client that does not read holds its export. */
    private static final String BIG = "{\"resources\":[{\"type\":\"tickets\"},{\"type\":\"customers\"}]}";

    @TempDir
    static Path work;

    private EmbeddedDatabase database;
    private ServiceProcess a;
    private ServiceProcess b;
    /** How many of the team's four running exports b holds (the owner's land where they win the race). */
    private int heldOnB;

    @BeforeAll
    void start() throws Exception {
        database = EmbeddedDatabase.startTemporary();
        Map<String, String> datasource = ServiceProcess.configuredOn(database);
        Map<String, String> first = new HashMap<>(datasource);
        first.put("export.demo-load", "true");
        a = ServiceProcess.start(work, "a", first).awaitReady(Duration.ofSeconds(120));
        b = ServiceProcess.start(work, "b", datasource).awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, database}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void ofSimultaneousExportsOfOneKeyOnTwoInstancesExactlyTwoRun() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ServiceProcess instance = i % 2 == 0 ? a : b;
                calls.add(executor.submit(() -> instance.stall(DemoDataset.LIVE_SECRET_KEY, TEAM, BIG)));
            }
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                String status = calls.get(i).get(60, TimeUnit.SECONDS);
                statuses.add(status);
                if (i % 2 == 1 && status.startsWith("HTTP/1.1 200")) {
                    heldOnB++;
                }
            }
            assertThat(statuses.stream().filter(s -> s.startsWith("HTTP/1.1 200")))
                    .as(statuses.toString())
                    .hasSize(2);
            assertThat(statuses.stream().filter(s -> s.startsWith("HTTP/1.1 429")))
                    .hasSize(6);
        } finally {
            executor.shutdownNow();
        }
        // the team's cap spans both instances: two of the manager's, one on each, and the team is full
        assertThat(a.stall(DemoDataset.MANAGER_SECRET_KEY, TEAM, BIG)).startsWith("HTTP/1.1 200");
        assertThat(b.stall(DemoDataset.MANAGER_SECRET_KEY, TEAM, BIG)).startsWith("HTTP/1.1 200");
        heldOnB++;
        HttpResponse<String> overTeam = b.export(DemoDataset.TEST_SECRET_KEY, TEAM, SMALL);
        assertThat(overTeam.statusCode()).isEqualTo(429);
        assertThat(overTeam.body()).contains("concurrency_limit_exceeded", "this team may run 4 at once");
        assertThat(a.export(DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY, DemoDataset.OTHER_TEAM_ID.toString(), SMALL)
                        .statusCode())
                .as("another team")
                .isEqualTo(200);
        assertThat(liveLeases()).isEqualTo(4);
    }

    @Test
    @Order(2)
    void theSlotsOfAnInstanceKilledWithKill9AreFreeWithinAMinute() throws Exception {
        // now: the team's four exports run, the manager's one on each instance and the owner's two wherever they
        // won the race; another key of the team waits for the team's cap, which frees when a's leases run out
        a.kill();
        long killed = System.nanoTime();
        assertThat(b.export(DemoDataset.TEST_SECRET_KEY, TEAM, SMALL).statusCode())
                .as("the dead instance's slots")
                .isEqualTo(429);
        int status = 429;
        while (status == 429
                && System.nanoTime() - killed < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(500);
            status = b.export(DemoDataset.TEST_SECRET_KEY, TEAM, SMALL).statusCode();
        }
        long seconds = (System.nanoTime() - killed) / 1_000_000_000L;
        assertThat(status)
                .as("a slot of the killed instance is free again after %d s", seconds)
                .isEqualTo(200);
        System.out.printf(
                "ServiceInstancesIT: the killed instance's slot was free again %d s after kill -9%n", seconds);
        // the small export's own lease is given back just after its last byte: wait for that, not more
        long answered = System.nanoTime();
        while (liveLeases() > heldOnB
                && System.nanoTime() - answered < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(100);
        }
        assertThat(liveLeases()).as("b's own exports are still held").isEqualTo(heldOnB);
    }

    private long liveLeases() {
        return TestSql.count(
                database.dataSource(), "SELECT count(*) FROM export_leases WHERE expires_at > clock_timestamp()");
    }
}
