package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.OTHER_TEAM;
import static com.helpdesk.export.rest.Api.exportPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With the default caps (2 exports per key, 4 per team): clients that stop reading hold
 * their export slots but no database connection, other teams are served meanwhile, and a call over a cap is refused
 * at once with {@code concurrency_limit_exceeded}, without being counted against the hourly budget.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CapacityTest {

    private static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";
    private static final String BIG = "{\"resources\":[{\"type\":\"tickets\"},{\"type\":\"customers\"}]}";

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource control;

    private final List<Socket> stalled = new ArrayList<>();

    @AfterEach
    void release() throws Exception {
        for (Socket socket : stalled) {
            socket.setSoLinger(true, 0);
            socket.close();
        }
        stalled.clear();
        awaitNoLeases();
    }

    /** Starts an export and never reads past its head; returns the head. */
    private String stall(String key, String team) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(30_000);
        stalled.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + exportPath(team) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + BIG.length() + "\r\n\r\n" + BIG)
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = RawResponse.readHead(socket.getInputStream());
        assertThat(head).startsWith("HTTP/1.1 200");
        return head;
    }

    private static long remaining(String head) {
        return Long.parseLong(head.lines()
                .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("x-ratelimit-remaining:"))
                .findFirst()
                .orElseThrow()
                .replaceAll("(?i)x-ratelimit-remaining:\\s*", "")
                .trim());
    }

    @Test
    void aKeyRunsAtMostTwoExportsAndATeamFourAndAThirdIsRefusedAtOnceWithoutBeingCounted() throws Exception {
        stall(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM);
        long remainingBefore = remaining(stall(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM));

        long start = System.nanoTime();
        HostileHttp.Answer overKey = HostileHttp.post(base, DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, SMALL);
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode error = HostileHttp.assertError(overKey, 429, "concurrency_limit_exceeded", null)
                .get("error");
        assertThat(error.get("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.get("message").asText()).contains("this key may run 2 at once");
        assertThat(error.get("retryAfter").asLong()).isEqualTo(2);
        assertThat(overKey.header("Retry-After")).isEqualTo("2");
        assertThat(Long.parseLong(overKey.header("X-RateLimit-Remaining")))
                .as("not counted")
                .isEqualTo(remainingBefore);
        assertThat(millis).as("refused at once, not queued").isLessThan(5_000);

        // the team's cap spans its keys and modes: two more of the manager's, then the admin's test key is refused
        stall(DemoDataset.MANAGER_SECRET_KEY, DEMO_TEAM);
        stall(DemoDataset.MANAGER_SECRET_KEY, DEMO_TEAM);
        HostileHttp.Answer overTeam = HostileHttp.post(base, DemoDataset.TEST_SECRET_KEY, DEMO_TEAM, SMALL);
        assertThat(HostileHttp.assertError(overTeam, 429, "concurrency_limit_exceeded", null)
                        .get("error")
                        .get("message")
                        .asText())
                .contains("this team may run 4 at once");

        // another team is not affected, and nobody holds a database connection meanwhile
        assertThat(HostileHttp.post(base, DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY, OTHER_TEAM, SMALL)
                        .status())
                .isEqualTo(200);
        assertThat(busySessions()).as("sessions of the stalled exports").isZero();
        assertThat(liveLeases()).isEqualTo(4);

        // once the stalled clients are gone, their slots come back
        release();
        assertThat(HostileHttp.post(base, DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, SMALL)
                        .status())
                .isEqualTo(200);
        assertThat(HostileHttp.post(base, DemoDataset.TEST_SECRET_KEY, DEMO_TEAM, SMALL)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void overACapTheBodyIsNotReadAtAll() throws Exception {
        // the caps are checked before the body, so a bad body of a call over a cap is not even looked at
        stall(DemoDataset.MANAGER_SECRET_KEY, DEMO_TEAM);
        stall(DemoDataset.MANAGER_SECRET_KEY, DEMO_TEAM);
        HostileHttp.assertError(
                HostileHttp.post(base, DemoDataset.MANAGER_SECRET_KEY, DEMO_TEAM, "{not json"),
                429,
                "concurrency_limit_exceeded",
                null);
    }

    @Test
    void aFinishedExportLeavesNoSpoolFileAndNoSlot() throws Exception {
        HostileHttp.Answer answer = HostileHttp.post(base, DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, BIG);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("data").get("totalRows").asInt()).isEqualTo(14_000);
        assertThat(SpoolFiles.awaitNone(Duration.ofSeconds(5))).isEmpty();
        assertThat(liveLeases()).isZero();
    }

    private void awaitNoLeases() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (liveLeases() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(liveLeases()).as("slots given back after the clients left").isZero();
        assertThat(SpoolFiles.awaitNone(Duration.ofSeconds(5)))
                .as("spool files left")
                .isEmpty();
    }

    private long liveLeases() {
        return TestSql.count(control, "select count(*) from export_leases where expires_at > clock_timestamp()");
    }

    private long busySessions() {
        return TestSql.count(
                control,
                "select count(*) from pg_stat_activity where datname = current_database() "
                        + "and pid <> pg_backend_pid() and backend_type = 'client backend' and state <> 'idle'");
    }
}
