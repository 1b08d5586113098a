package com.helpdesk.export.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.persistence.jdbc.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.exportPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults under a running service (issue item 5): a failure in the middle of a streamed response in every transfer
 * form (chunked HTTP/1.1, close-delimited HTTP/1.0, gzip); a hundred clients leaving mid-download or before the
 * first byte; clients that stop reading; a statement past the statement timeout; PostgreSQL stopped and started
 * again. After each, no database
 * session is left in a transaction, every pooled connection can be taken, and the service answers normally.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(HostileSuiteProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    private static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";
    private static final String KEY = DemoDataset.LIVE_SECRET_KEY;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    // ------------------------------------------------------------------------------------------- helpers

    /** Sessions of the service's database that are doing something or sit in an open transaction. */
    private List<String> busySessions(int exceptPid) throws SQLException {
        List<String> busy = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select pid, state, left(query, 80) from pg_stat_activity where datname = current_database() "
                        + "and pid <> pg_backend_pid() and pid <> ? and backend_type = 'client backend' "
                        + "and state <> 'idle'")) {
            s.setInt(1, exceptPid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    busy.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return busy;
    }

    private List<String> awaitNoBusySessions(int exceptPid, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> busy = busySessions(exceptPid);
        while (!busy.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            busy = busySessions(exceptPid);
        }
        return busy;
    }

    /**
     * Takes every connection of the pool at once (each within the pool's acquisition timeout): a connection leaked
     * by an export would make the last one time out.
     */
    private int takeTheWholePool() {
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                taken.add(dataSource.getConnection());
            }
            return taken.size();
        } catch (SQLException e) {
            throw new AssertionError("only " + taken.size() + " of " + poolSize + " pooled connections could be taken",
                    e);
        } finally {
            for (Connection c : taken) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a pooled connection hands it back
                }
            }
        }
    }

    private void assertHealthy() throws Exception {
        assertThat(awaitNoBusySessions(-1, Duration.ofSeconds(15))).as("sessions left busy").isEmpty();
        assertThat(takeTheWholePool()).isEqualTo(poolSize);
        assertThat(HostileHttp.post(base, KEY, DEMO_TEAM, SMALL).status()).isEqualTo(200);
    }

    private Socket open(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void send(Socket socket, String version, String body, String extraHeaders) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + exportPath(DEMO_TEAM) + " " + version + "\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + KEY + "\r\nContent-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    // ------------------------------------------------------------------------------------------- mid-stream failure

    @ParameterizedTest(name = "{0} over {1}, {2}")
    @CsvSource({"json,HTTP/1.1,identity", "csv,HTTP/1.1,identity", "json,HTTP/1.1,gzip", "csv,HTTP/1.1,gzip",
            "json,HTTP/1.0,identity", "csv,HTTP/1.0,identity", "csv,HTTP/1.0,gzip"})
    @Order(1)
    void aFailureMidStreamNeverLooksLikeACompleteFile(String format, String version, String encoding)
            throws Exception {
        String body = "{\"resources\":[{\"type\":\"tickets\"}],\"format\":\"" + format + "\"}";
        RawResponse.Ending ending;
        Timestamp sent = ExportSessions.databaseNow(dataSource);
        try (Socket socket = open(4096)) {
            send(socket, version, body, encoding.equals("gzip") ? "Accept-Encoding: gzip\r\n" : "");
            InputStream in = socket.getInputStream();
            String head = RawResponse.readHead(in);
            assertThat(head).startsWith(version + " 200");
            if (version.equals("HTTP/1.1")) {
                assertThat(head).containsIgnoringCase("transfer-encoding: chunked");
            } else {
                assertThat(head).doesNotContainIgnoringCase("content-length").doesNotContainIgnoringCase("chunked");
            }
            if (encoding.equals("gzip") && version.equals("HTTP/1.1")) {
                assertThat(head).containsIgnoringCase("content-encoding: gzip");
            }
            in.readNBytes(4096);
            assertThat(ExportSessions.terminateExportStartedSince(dataSource, "tickets", sent, Duration.ofSeconds(10)))
                    .as("the database session serving this export").isEqualTo(1);
            ending = RawResponse.drain(in);
        }
        if (version.equals("HTTP/1.1")) {
            assertThat(ending.terminated()).as("the chunked body must not end with its final chunk").isFalse();
        } else {
            // HTTP/1.0 ends a body by closing the connection: only a reset (RST) tells the client it was cut off
            assertThat(ending.reset()).as("an HTTP/1.0 transfer that failed must end in a reset, not a close")
                    .isTrue();
        }
        assertHealthy();
    }

    // ------------------------------------------------------------------------------------------- disconnects

    @Test
    @Order(2)
    void aHundredClientsLeavingMidDownloadOrEarlyLeaveNoConnectionOrTransactionBehind() throws Exception {
        int midDownload = 0;
        int early = 0;
        for (int i = 0; i < 100; i++) {
            String format = i % 4 < 2 ? "json" : "csv";
            String body = "{\"resources\":[{\"type\":\"tickets\"}" + (format.equals("json")
                    ? ",{\"type\":\"customers\"}" : "") + "],\"format\":\"" + format + "\"}";
            Socket socket = open(4096);
            send(socket, "HTTP/1.1", body, "");
            if (i % 2 == 0) {
                InputStream in = socket.getInputStream();
                assertThat(RawResponse.readHead(in)).startsWith("HTTP/1.1 200");
                in.readNBytes(1024 + (i * 997) % 30_000);
                midDownload++;
            } else {
                Thread.sleep(i % 10 * 3L);
                early++;
            }
            if (i % 3 == 0) {
                socket.setSoLinger(true, 0); // an abrupt reset, as a killed client or a proxy timeout sends
            }
            socket.close();
        }
        assertThat(midDownload + early).isEqualTo(100);
        assertThat(awaitNoBusySessions(-1, Duration.ofSeconds(20))).as("sessions left in a transaction").isEmpty();
        assertThat(takeTheWholePool()).isEqualTo(poolSize);
        assertHealthy();
    }

    // ------------------------------------------------------------------------------------------- stalled clients

    /**
     * A client that stops reading blocks its export's writes, and the export holds a pooled connection and an open
     * transaction meanwhile: twenty such clients would starve the pool for everyone. What ends them is the HTTP idle
     * timeout ({@code quarkus.http.idle-timeout}, 30 minutes by default; {@value HostileSuiteProfile#IDLE_TIMEOUT_SECONDS}
     * seconds in this profile): this test shows that it does, and that the connections come back.
     */
    @Test
    @Order(3)
    void clientsThatStopReadingAreCutOffAtTheIdleTimeoutAndReleaseTheirConnections() throws Exception {
        int stalled = 8;
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < stalled; i++) {
                Socket socket = open(4096);
                send(socket, "HTTP/1.1", "{\"resources\":[{\"type\":\"tickets\"}],\"format\":\""
                        + (i % 2 == 0 ? "csv" : "json") + "\"}", "");
                assertThat(RawResponse.readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
                sockets.add(socket); // and never read again
            }
            long start = System.nanoTime();
            assertThat(busySessions(-1)).as("the stalled exports hold connections").hasSizeGreaterThanOrEqualTo(stalled);
            List<String> busy = awaitNoBusySessions(-1, Duration.ofSeconds(HostileSuiteProfile.IDLE_TIMEOUT_SECONDS * 4L));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(busy).as("stalled exports still hold their connections").isEmpty();
            assertThat(millis).as("released by the idle timeout, not earlier")
                    .isGreaterThanOrEqualTo(HostileSuiteProfile.IDLE_TIMEOUT_SECONDS * 1000L - 1500);
            System.out.printf("FaultToleranceTest: %d stalled downloads released %d ms after their headers%n",
                    stalled, millis);
            for (Socket socket : sockets) {
                socket.setSoTimeout(10_000);
                RawResponse.Ending ending = RawResponse.drain(socket.getInputStream());
                assertThat(ending.terminated()).as("a cut-off download must not look complete").isFalse();
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertHealthy();
    }

    // ------------------------------------------------------------------------------------------- statement timeout

    @Test
    @Order(4)
    void aStatementPastTheTimeoutIs503AndGivesItsConnectionBack() throws Exception {
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            int lockerPid;
            try (Statement s = locker.createStatement()) {
                s.execute("lock table articles in access exclusive mode");
                try (ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                    rs.next();
                    lockerPid = rs.getInt(1);
                }
            }
            for (String format : List.of("json", "csv")) {
                long start = System.nanoTime();
                HostileHttp.Answer answer = HostileHttp.post(base, KEY, DEMO_TEAM,
                        "{\"resources\":[{\"type\":\"articles\"}],\"format\":\"" + format + "\"}");
                long millis = (System.nanoTime() - start) / 1_000_000;
                JsonNode error = HostileHttp.assertError(answer, 503, "service_unavailable", null).get("error");
                assertThat(error.get("message").asText()).contains("took too long");
                assertThat(millis).as("the statement ran until the timeout, not longer")
                        .isBetween(HostileSuiteProfile.STATEMENT_TIMEOUT_SECONDS * 1000L - 200,
                                HostileSuiteProfile.STATEMENT_TIMEOUT_SECONDS * 1000L + 10_000);
                assertThat(awaitNoBusySessions(lockerPid, Duration.ofSeconds(5)))
                        .as("the export's session went back to the pool, out of its transaction").isEmpty();
                System.out.printf("FaultToleranceTest: statement timeout (%d s), %s export answered 503 after %d ms%n",
                        HostileSuiteProfile.STATEMENT_TIMEOUT_SECONDS, format, millis);
            }
            // other resources are not blocked meanwhile
            assertThat(HostileHttp.post(base, KEY, DEMO_TEAM,
                    "{\"resources\":[{\"type\":\"customers\",\"fields\":[\"id\"]}]}").status()).isEqualTo(200);
            locker.rollback();
        }
        assertHealthy();
    }

    // ------------------------------------------------------------------------------------------- outage

    @Test
    @Order(5)
    void postgresStoppedUnderTheServiceIs503ReadinessDownAndFullRecoveryWithoutRestart() throws Exception {
        assertThat(HostileHttp.post(base, KEY, DEMO_TEAM, SMALL).status()).isEqualTo(200);
        HostileHttp.Answer ready = HostileHttp.send(base, "GET", "/q/health/ready", null, null, null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");

        EmbeddedPostgresResource.stopDatabase();
        long stoppedAt = System.nanoTime();
        try {
            for (String format : List.of("json", "csv")) {
                HostileHttp.assertError(HostileHttp.post(base, KEY, DEMO_TEAM, "{\"resources\":[{\"type\":\"articles\"}],"
                        + "\"format\":\"" + format + "\"}"), 503, "service_unavailable", null);
            }
            // keys are looked up in the database too: no key is refused as unknown while it cannot be looked up
            HostileHttp.assertError(HostileHttp.post(base, DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY, Api.OTHER_TEAM, SMALL),
                    503, "service_unavailable", null);
            // what needs no database still answers as usual
            HostileHttp.assertError(HostileHttp.send(base, "POST", exportPath(DEMO_TEAM), null, "application/json",
                    SMALL.getBytes(StandardCharsets.UTF_8)), 401, "authentication_required", null);
            HostileHttp.Answer down = HostileHttp.send(base, "GET", "/q/health/ready", null, null, null);
            assertThat(down.status()).as(down.text()).isEqualTo(503);
            assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(HostileHttp.send(base, "GET", "/q/health/live", null, null, null).status()).isEqualTo(200);
        } finally {
            EmbeddedPostgresResource.startDatabase();
        }
        int status = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (status != 200 && System.nanoTime() < deadline) {
            status = HostileHttp.post(base, KEY, DEMO_TEAM, SMALL).status();
            if (status != 200) {
                assertThat(status).as("while recovering: 503 only").isEqualTo(503);
                Thread.sleep(200);
            }
        }
        assertThat(status).as("recovered without a restart").isEqualTo(200);
        System.out.printf("FaultToleranceTest: outage to first 200 after restart took %d ms%n",
                (System.nanoTime() - stoppedAt) / 1_000_000);
        HostileHttp.Answer up = HostileHttp.send(base, "GET", "/q/health/ready", null, null, null);
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().get("status").asText()).isEqualTo("UP");
        JsonNode export = HostileHttp.post(base, KEY, DEMO_TEAM,
                "{\"resources\":[{\"type\":\"tickets\",\"fields\":[\"id\"]}],\"format\":\"json\"}").json();
        assertThat(export.get("data").get("totalRows").asInt()).isEqualTo(10_000);
        assertHealthy();
    }
}
