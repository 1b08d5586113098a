package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.exportPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.demo.DemoDataset;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Faults under a running service: a failure in the middle of a streamed response in every transfer
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

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    /** The control pool (keys, limits, leases). */
    @Inject
    DataSource dataSource;

    /** The pool of export snapshots. */
    @Inject
    @io.quarkus.agroal.DataSource("exports")
    DataSource exports;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @ConfigProperty(name = "quarkus.datasource.exports.jdbc.max-size")
    int exportPoolSize;

    // ------------------------------------------------------------------------------------------- helpers

    /** Sessions of the service's database that are doing something or sit in an open transaction. */
    private List<String> busySessions(int exceptPid) throws SQLException {
        List<String> busy = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
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
     * Takes every connection of both pools at once (each within its pool's acquisition timeout) and runs a statement
     * on each: a connection leaked by an export would make the last one time out, and one that an aborted snapshot
     * gave back closed (the pool must not hand it out again) would fail its statement.
     */
    private int takeTheWholePool() {
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                taken.add(dataSource.getConnection());
            }
            for (int i = 0; i < exportPoolSize; i++) {
                taken.add(exports.getConnection());
            }
            for (Connection c : taken) {
                try (Statement statement = c.createStatement()) {
                    statement.execute("SELECT 1");
                }
            }
            return taken.size();
        } catch (SQLException e) {
            throw new AssertionError(
                    "only " + taken.size() + " of " + (poolSize + exportPoolSize)
                            + " pooled connections could be taken and used",
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
        assertThat(awaitNoBusySessions(-1, Duration.ofSeconds(15)))
                .as("sessions left busy")
                .isEmpty();
        assertThat(takeTheWholePool()).isEqualTo(poolSize + exportPoolSize);
        assertThat(SpoolFiles.awaitNone(Duration.ofSeconds(15)))
                .as("spool files left")
                .isEmpty();
        assertThat(liveLeases()).as("export slots left taken").isZero();
        assertThat(HostileHttp.post(base, KEY, DEMO_TEAM, SMALL).status()).isEqualTo(200);
    }

    private long liveLeases() {
        return TestSql.count(dataSource, "select count(*) from export_leases where expires_at > clock_timestamp()");
    }

    private HostileHttp.Answer get(URL url) throws IOException {
        return HostileHttp.send(
                new URL(url.getProtocol(), url.getHost(), url.getPort(), "/"), "GET", url.getPath(), null, null, null);
    }

    /**
     * Asks readiness until it answers {@code status} or {@code within} has passed, and returns its last answer: every
     * probe shares a check's answer for {@code export.health.cache} (1 s), so a change shows once that has passed.
     */
    private HostileHttp.Answer awaitReadiness(int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        HostileHttp.Answer answer = get(ready);
        while (answer.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = get(ready);
        }
        return answer;
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
    @CsvSource({
        "json,HTTP/1.1,identity",
        "csv,HTTP/1.1,identity",
        "json,HTTP/1.1,gzip",
        "csv,HTTP/1.1,gzip",
        "json,HTTP/1.0,identity",
        "csv,HTTP/1.0,identity",
        "csv,HTTP/1.0,gzip"
    })
    @Order(1)
    void aFailureMidStreamNeverLooksLikeACompleteFile(String format, String version, String encoding) throws Exception {
        String body = "{\"resources\":[{\"type\":\"tickets\"}],\"format\":\"" + format + "\"}";
        RawResponse.Ending ending;
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
            assertThat(busySessions(-1))
                    .as("sending: no database session is involved")
                    .isEmpty();
            assertThat(SpoolFiles.truncateTheOneBeingSent(Duration.ofSeconds(10)))
                    .as("the spool file of this export")
                    .isEqualTo(1);
            ending = RawResponse.drain(in);
        }
        if (version.equals("HTTP/1.1")) {
            assertThat(ending.terminated())
                    .as("the chunked body must not end with its final chunk")
                    .isFalse();
        } else {
            // HTTP/1.0 ends a body by closing the connection: only a reset (RST) tells the client it was cut off
            assertThat(ending.reset())
                    .as("an HTTP/1.0 transfer that failed must end in a reset, not a close")
                    .isTrue();
        }
        assertHealthy();
    }

    /**
     * A snapshot stopped by its deadline or its client, or left in the middle of its COPY, gives back an aborted
     * connection (JdbcReadSnapshot), whose rollback the driver refuses as closed ({@code 08003}): the export pool must
     * count that as fatal and discard the connection, as {@code JdbcResourceReaderTest} shows for a pool set up the
     * same way (and the failure without it).
     */
    @Test
    @Order(0)
    void theExportPoolDiscardsAConnectionTheDriverReportsClosed() {
        assertThat(((AgroalDataSource) exports)
                        .getConfiguration()
                        .connectionPoolConfiguration()
                        .exceptionSorter()
                        .isFatal(new SQLException("This connection has been closed.", "08003")))
                .isTrue();
    }

    // ------------------------------------------------------------------------------------------- disconnects

    @Test
    @Order(2)
    void aHundredClientsLeavingMidDownloadOrEarlyLeaveNoConnectionOrTransactionBehind() throws Exception {
        int midDownload = 0;
        int early = 0;
        for (int i = 0; i < 100; i++) {
            String format = i % 4 < 2 ? "json" : "csv";
            String body = "{\"resources\":[{\"type\":\"tickets\"}"
                    + (format.equals("json") ? ",{\"type\":\"customers\"}" : "") + "],\"format\":\"" + format + "\"}";
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
        assertThat(awaitNoBusySessions(-1, Duration.ofSeconds(20)))
                .as("sessions left in a transaction")
                .isEmpty();
        assertThat(takeTheWholePool()).isEqualTo(poolSize + exportPoolSize);
        assertHealthy();
    }

    // ------------------------------------------------------------------------------------------- reading fails

    /**
     * A database failure while the export is being read is an error answer, never a cut-off body: nothing is sent
     * before every resource is read. The export's session is made to wait on a lock, then terminated.
     */
    @Test
    @Order(3)
    void aDatabaseFailureWhileReadingIsA503EnvelopeNotACutOffBody() throws Exception {
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            int lockerPid;
            try (Statement s = locker.createStatement()) {
                s.execute("lock table customers in access exclusive mode");
                try (ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                    rs.next();
                    lockerPid = rs.getInt(1);
                }
            }
            Thread killer = new Thread(() -> {
                try {
                    terminateSessionsWaitingOn(lockerPid, Duration.ofSeconds(30));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            killer.start();
            // tickets are read (and spooled) first, then customers wait on the lock until their session is killed
            HostileHttp.Answer answer = HostileHttp.post(
                    base, KEY, DEMO_TEAM, "{\"resources\":[{\"type\":\"tickets\"},{\"type\":\"customers\"}]}");
            killer.join();
            JsonNode error = HostileHttp.assertError(answer, 503, "service_unavailable", null)
                    .get("error");
            assertThat(error.get("message").asText()).contains("cannot be reached");
            locker.rollback();
        }
        assertHealthy();
    }

    /** Terminates the sessions that wait on a lock the locker's session holds (their query text may be cut short). */
    private void terminateSessionsWaitingOn(int lockerPid, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "select pg_terminate_backend(pid) from pg_stat_activity where wait_event_type = 'Lock' "
                                    + "and ? = any (pg_blocking_pids(pid)) and pid <> pg_backend_pid()")) {
                s.setInt(1, lockerPid);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no export waited on a lock of session " + lockerPid);
    }

    // ------------------------------------------------------------------------------------------- stalled clients

    /**
     * Clients that stop reading: their exports were read to the end before the first byte was sent,
     * so they hold no database connection and no transaction while they stall, and other exports go on. What ends
     * them is the HTTP idle timeout ({@value HostileSuiteProfile#IDLE_TIMEOUT_SECONDS} s in this profile); their
     * export slots and spool files are released then.
     */
    @Test
    @Order(4)
    void clientsThatStopReadingHoldNoConnectionAndAreCutOffAtTheIdleTimeout() throws Exception {
        int stalled = 8;
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < stalled; i++) {
                Socket socket = open(4096);
                send(
                        socket,
                        "HTTP/1.1",
                        "{\"resources\":[{\"type\":\"tickets\"}],\"format\":\"" + (i % 2 == 0 ? "csv" : "json") + "\"}",
                        "");
                assertThat(RawResponse.readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
                sockets.add(socket); // and never read again
            }
            long start = System.nanoTime();
            assertThat(busySessions(-1))
                    .as("the stalled exports hold no database session")
                    .isEmpty();
            assertThat(liveLeases()).as("but they hold their export slots").isEqualTo(stalled);
            assertThat(SpoolFiles.present()).as("and their spool files").hasSize(stalled);
            // the whole pool is free for others meanwhile
            assertThat(takeTheWholePool()).isEqualTo(poolSize + exportPoolSize);
            assertThat(HostileHttp.post(base, DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY, Api.OTHER_TEAM, SMALL)
                            .status())
                    .isEqualTo(200);
            while (liveLeases() > 0
                    && System.nanoTime() - start
                            < Duration.ofSeconds(HostileSuiteProfile.IDLE_TIMEOUT_SECONDS * 4L)
                                    .toNanos()) {
                Thread.sleep(100);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(liveLeases())
                    .as("stalled exports still hold their slots")
                    .isZero();
            assertThat(millis)
                    .as("released by the idle timeout, not earlier")
                    .isGreaterThanOrEqualTo(HostileSuiteProfile.IDLE_TIMEOUT_SECONDS * 1000L - 1500);
            System.out.printf(
                    "FaultToleranceTest: %d stalled downloads released %d ms after their headers%n", stalled, millis);
            for (Socket socket : sockets) {
                socket.setSoTimeout(10_000);
                RawResponse.Ending ending = RawResponse.drain(socket.getInputStream());
                assertThat(ending.terminated())
                        .as("a cut-off download must not look complete")
                        .isFalse();
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
    @Order(5)
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
                HostileHttp.Answer answer = HostileHttp.post(
                        base,
                        KEY,
                        DEMO_TEAM,
                        "{\"resources\":[{\"type\":\"articles\"}],\"format\":\"" + format + "\"}");
                long millis = (System.nanoTime() - start) / 1_000_000;
                JsonNode error = HostileHttp.assertError(answer, 503, "service_unavailable", null)
                        .get("error");
                assertThat(error.get("message").asText()).contains("took too long");
                assertThat(millis)
                        .as("the statement ran until the timeout, not longer")
                        .isBetween(
                                HostileSuiteProfile.STATEMENT_TIMEOUT_SECONDS * 1000L - 200,
                                HostileSuiteProfile.STATEMENT_TIMEOUT_SECONDS * 1000L + 10_000);
                assertThat(awaitNoBusySessions(lockerPid, Duration.ofSeconds(5)))
                        .as("the export's session went back to the pool, out of its transaction")
                        .isEmpty();
                System.out.printf(
                        "FaultToleranceTest: statement timeout (%d s), %s export answered 503 after %d ms%n",
                        HostileSuiteProfile.STATEMENT_TIMEOUT_SECONDS, format, millis);
            }
            // other resources are not blocked meanwhile
            assertThat(HostileHttp.post(
                                    base,
                                    KEY,
                                    DEMO_TEAM,
                                    "{\"resources\":[{\"type\":\"customers\",\"fields\":[\"id\"]}]}")
                            .status())
                    .isEqualTo(200);
            locker.rollback();
        }
        assertHealthy();
    }

    // ------------------------------------------------------------------------------------------- silent database

    /**
     * A database that stops answering: the postmaster and its backends stopped (SIGSTOP: no reset, no reply). Every
     * connection bounds its reads (application.properties), so an export is a 503 and readiness DOWN within seconds,
     * not a hang; once the processes go on (SIGCONT) the service recovers without a restart.
     */
    @Test
    @Order(6)
    void aDatabaseThatStopsAnsweringIsA503WithinSecondsAndTheServiceRecovers() throws Exception {
        assertThat(HostileHttp.post(base, KEY, DEMO_TEAM, SMALL).status()).isEqualTo(200);
        EmbeddedPostgresResource.signal("STOP");
        long exportMillis;
        long readyMillis;
        try {
            long start = System.nanoTime();
            HostileHttp.assertError(HostileHttp.post(base, KEY, DEMO_TEAM, SMALL), 503, "service_unavailable", null);
            exportMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            HostileHttp.Answer down = get(ready);
            readyMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(down.status()).as(down.text()).isEqualTo(503);
            assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(get(live).status()).isEqualTo(200);
        } finally {
            EmbeddedPostgresResource.signal("CONT");
        }
        assertThat(exportMillis)
                .as("an export against a silent database ends within seconds")
                .isLessThan(15_000);
        assertThat(readyMillis)
                .as("readiness against a silent database answers within seconds")
                .isLessThan(15_000);
        long resumed = System.nanoTime();
        int status = 0;
        while (status != 200
                && System.nanoTime() - resumed < Duration.ofSeconds(60).toNanos()) {
            status = HostileHttp.post(base, KEY, DEMO_TEAM, SMALL).status();
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertThat(status).as("recovered without a restart").isEqualTo(200);
        System.out.printf(
                "FaultToleranceTest: silent database: export 503 after %d ms, readiness DOWN after %d ms, "
                        + "first 200 %d ms after it answered again%n",
                exportMillis, readyMillis, (System.nanoTime() - resumed) / 1_000_000);
        assertHealthy();
    }

    // ------------------------------------------------------------------------------------------- outage

    @Test
    @Order(7)
    void postgresStoppedUnderTheServiceIs503ReadinessDownAndFullRecoveryWithoutRestart() throws Exception {
        assertThat(HostileHttp.post(base, KEY, DEMO_TEAM, SMALL).status()).isEqualTo(200);
        HostileHttp.Answer before = awaitReadiness(200, Duration.ofSeconds(5));
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("status").asText()).isEqualTo("UP");

        EmbeddedPostgresResource.stopDatabase();
        long stoppedAt = System.nanoTime();
        try {
            for (String format : List.of("json", "csv")) {
                HostileHttp.Answer unavailable = HostileHttp.post(
                        base,
                        KEY,
                        DEMO_TEAM,
                        "{\"resources\":[{\"type\":\"articles\"}],\"format\":\"" + format + "\"}");
                HostileHttp.assertError(unavailable, 503, "service_unavailable", null);
                // a 503 carries Retry-After: export.unavailable-retry-after-seconds, 5 by default
                assertThat(unavailable.header("retry-after")).isEqualTo("5");
            }
            // keys are looked up in the database too: no key is refused as unknown while it cannot be looked up
            HostileHttp.assertError(
                    HostileHttp.post(base, DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY, Api.OTHER_TEAM, SMALL),
                    503,
                    "service_unavailable",
                    null);
            // what needs no database still answers as usual
            HostileHttp.assertError(
                    HostileHttp.send(
                            base,
                            "POST",
                            exportPath(DEMO_TEAM),
                            null,
                            "application/json",
                            SMALL.getBytes(StandardCharsets.UTF_8)),
                    401,
                    "authentication_required",
                    null);
            HostileHttp.Answer down = awaitReadiness(503, Duration.ofSeconds(5));
            assertThat(down.status()).as(down.text()).isEqualTo(503);
            assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(get(live).status()).isEqualTo(200);
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
        System.out.printf(
                "FaultToleranceTest: outage to first 200 after restart took %d ms%n",
                (System.nanoTime() - stoppedAt) / 1_000_000);
        HostileHttp.Answer up = awaitReadiness(200, Duration.ofSeconds(5));
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().get("status").asText()).isEqualTo("UP");
        JsonNode export = HostileHttp.post(
                        base,
                        KEY,
                        DEMO_TEAM,
                        "{\"resources\":[{\"type\":\"tickets\",\"fields\":[\"id\"]}],\"format\":\"json\"}")
                .json();
        assertThat(export.get("data").get("totalRows").asInt()).isEqualTo(10_000);
        assertHealthy();
    }
}
