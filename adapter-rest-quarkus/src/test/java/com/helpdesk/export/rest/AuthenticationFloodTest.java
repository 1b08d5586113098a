package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Calls whose key fails verification, from an address past its failure allowance, cost no database work beyond what
 * deciding needs: the address's block is remembered once the shared count says so, and a rejected key is remembered
 * for a minute. Counted with the control pool's own counter (every statement of a key check or of the throttle takes
 * one connection). Each test floods from a loopback address of its own (the service counts failures by the peer's
 * address), and a valid key from that address is still served.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(FloodProfile.class)
class AuthenticationFloodTest {

    private static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";
    private static final int CALLS = 200;
    /** Connections the control pool may give to anything else meanwhile (its clean-up, a window that ends). */
    private static final int SLACK = FloodProfile.AUTH_FAILURES + 2;

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource control;

    /** Posts an export from {@code from} on a connection of its own; the answer's status. */
    private int post(String from, String key) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + Api.exportPath(DEMO_TEAM) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + "Authorization: Bearer " + key + "\r\nContent-Type: application/json\r\nContent-Length: "
                            + SMALL.length() + "\r\n\r\n" + SMALL)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    private long failuresCounted(String address) {
        return TestSql.count(
                control, "SELECT coalesce(sum(failures), 0) FROM auth_failures WHERE address = ?", address);
    }

    /**
     * Sends {@value #CALLS} calls with keys that fail, inside one window of the failure count (10 minutes, aligned to
     * the epoch), so that exactly the allowance of them is counted as plain failures.
     */
    private Map<Integer, Integer> flood(String from, boolean sameKey) throws IOException, InterruptedException {
        long window = Duration.ofMinutes(10).toMillis();
        long left = window - Math.floorMod(System.currentTimeMillis(), window);
        if (left < Duration.ofMinutes(1).toMillis()) {
            Thread.sleep(left + 200);
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < CALLS; i++) {
            String key = sameKey ? "sk_live_Repeated0000000000000000" : String.format("sk_live_Guess%019d", i);
            statuses.merge(post(from, key), 1, Integer::sum);
        }
        return statuses;
    }

    @Test
    void theSameBadKeyAgainAndAgainCostsOneLookupAndTheCountUpToTheBlock() throws Exception {
        String from = "127.0.0.2";
        long before = control.getMetrics().acquireCount();
        Map<Integer, Integer> statuses = flood(from, true);
        long statements = control.getMetrics().acquireCount() - before;
        System.out.printf(
                "AuthenticationFloodTest: %d calls of one bad key from %s: %s, %d connections of the control pool%n",
                CALLS, from, statuses, statements);

        assertThat(statuses)
                .containsExactly(
                        Map.entry(401, FloodProfile.AUTH_FAILURES), Map.entry(429, CALLS - FloodProfile.AUTH_FAILURES));
        assertThat(statements)
                .as("one lookup, and the count until it blocked the address")
                .isBetween(1L, 1L + FloodProfile.AUTH_FAILURES + 1 + SLACK);
        assertThat(failuresCounted(from)).isEqualTo(FloodProfile.AUTH_FAILURES + 1);
        assertThat(post(from, DemoDataset.LIVE_SECRET_KEY))
                .as("a valid key from the blocked address")
                .isEqualTo(200);
    }

    @Test
    void newBadKeysFromABlockedAddressCostTheirLookupOnly() throws Exception {
        String from = "127.0.0.3";
        long before = control.getMetrics().acquireCount();
        Map<Integer, Integer> statuses = flood(from, false);
        long statements = control.getMetrics().acquireCount() - before;
        System.out.printf(
                "AuthenticationFloodTest: %d new bad keys from %s: %s, %d connections of the control pool%n",
                CALLS, from, statuses, statements);

        assertThat(statuses)
                .containsExactly(
                        Map.entry(401, FloodProfile.AUTH_FAILURES), Map.entry(429, CALLS - FloodProfile.AUTH_FAILURES));
        assertThat(statements)
                .as("a lookup per new key, and the count until it blocked the address")
                .isBetween((long) CALLS, (long) CALLS + FloodProfile.AUTH_FAILURES + 1 + SLACK);
        assertThat(failuresCounted(from)).isEqualTo(FloodProfile.AUTH_FAILURES + 1);
        assertThat(post(from, DemoDataset.LIVE_SECRET_KEY))
                .as("a valid key from the blocked address")
                .isEqualTo(200);
    }
}
