package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.persistence.jdbc.testsupport.MutableClock;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPools;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcAuthenticationThrottleTest {

    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final String ADDRESS = "203.0.113.7";

    private final DataSource database = TestPostgres.migratedDatabase();
    private final MutableClock clock = MutableClock.at("2026-11-27T14:37:30Z");
    private final JdbcAuthenticationThrottle throttle = new JdbcAuthenticationThrottle(database, 3, QUARTER, clock);

    private void fail(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(address);
        }
    }

    @Test
    void anAddressIsBlockedAfterMaxFailuresUntilTheEndOfTheEpochAlignedWindow() {
        assertThat(throttle.blockedFor(ADDRESS)).isEmpty();
        fail(ADDRESS, 2);
        assertThat(throttle.blockedFor(ADDRESS)).isEmpty();

        fail(ADDRESS, 1);
        // the window is 14:30 to 14:45
        assertThat(throttle.blockedFor(ADDRESS)).contains(Duration.ofSeconds(450));
        clock.set(Instant.parse("2026-11-27T14:44:59.250Z"));
        assertThat(throttle.blockedFor(ADDRESS)).contains(Duration.ofMillis(750));
        fail(ADDRESS, 1);
        assertThat(throttle.blockedFor(ADDRESS)).contains(Duration.ofMillis(750));
    }

    @Test
    void otherAddressesAreNotAffected() {
        fail(ADDRESS, 3);

        assertThat(throttle.blockedFor(ADDRESS)).isPresent();
        assertThat(throttle.blockedFor("203.0.113.8")).isEmpty();
        assertThat(throttle.blockedFor("2001:db8::7")).isEmpty();
    }

    @Test
    void theNextWindowStartsAtZero() {
        fail(ADDRESS, 3);
        clock.set(Instant.parse("2026-11-27T14:45:00Z"));

        assertThat(throttle.blockedFor(ADDRESS)).isEmpty();
        fail(ADDRESS, 2);
        assertThat(throttle.blockedFor(ADDRESS)).isEmpty();
        fail(ADDRESS, 1);
        assertThat(throttle.blockedFor(ADDRESS)).contains(QUARTER);
    }

    @Test
    void simultaneousFailuresAreAllCounted() throws Exception {
        int threads = 32;
        int each = 10;
        try (AgroalDataSource pool = TestPools.pooled(database, threads)) {
            JdbcAuthenticationThrottle pooled = new JdbcAuthenticationThrottle(pool, 3, QUARTER, clock);
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    futures.add(executor.submit(() -> {
                        start.await();
                        for (int j = 0; j < each; j++) {
                            pooled.recordFailure(ADDRESS);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get(30, TimeUnit.SECONDS);
                }
            } finally {
                executor.shutdownNow();
            }
        }

        assertThat(counts()).containsExactly(Map.entry(ADDRESS, threads * each));
        assertThat(new JdbcAuthenticationThrottle(database, threads * each, QUARTER, clock).blockedFor(ADDRESS))
                .isPresent();
        assertThat(new JdbcAuthenticationThrottle(database, threads * each + 1, QUARTER, clock).blockedFor(ADDRESS))
                .isEmpty();
    }

    @Test
    void blockedForOnlyReads() throws SQLException {
        assertThat(throttle.blockedFor(ADDRESS)).isEmpty();
        assertThat(throttle.blockedFor("2001:db8::1")).isEmpty();

        assertThat(counts()).isEmpty();
    }

    @Test
    void addressesAreBoundAsTextAndCappedInLength() throws SQLException {
        String injection = "'); DROP TABLE auth_failures; --";
        String longAddress = "x".repeat(64) + "-and-more";
        fail("2001:db8::1", 1);
        fail("::ffff:192.0.2.1", 1);
        fail(injection, 2);
        fail(longAddress, 1);
        fail("x".repeat(64) + "-something-else", 2);
        fail("fe80::1\0", 1);

        assertThat(counts()).containsOnly(Map.entry("2001:db8::1", 1), Map.entry("::ffff:192.0.2.1", 1),
                Map.entry(injection, 2), Map.entry("x".repeat(64), 3), Map.entry("fe80::1\uFFFD", 1));
        assertThat(throttle.blockedFor(longAddress)).isPresent();
        assertThat(throttle.blockedFor("x".repeat(63))).isEmpty();
        assertThat(JdbcAuthenticationThrottle.normalized("\uD83D\uDE00".repeat(70)))
                .isEqualTo("\uD83D\uDE00".repeat(64));
    }

    @Test
    void removeExpiredDeletesTheCountsOfEndedWindowsOnly() throws SQLException {
        fail("198.51.100.1", 3);
        clock.set(Instant.parse("2026-11-27T14:44:59.999Z"));
        assertThat(throttle.removeExpired()).isZero();

        clock.set(Instant.parse("2026-11-27T14:50:00Z"));
        fail("198.51.100.2", 3);
        assertThat(throttle.removeExpired()).isEqualTo(1);

        assertThat(counts()).containsOnlyKeys("198.51.100.2");
        assertThat(throttle.blockedFor("198.51.100.2")).isPresent();
        assertThat(throttle.blockedFor("198.51.100.1")).isEmpty();
    }

    @Test
    void removeExpiredWorksInBatches() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO auth_failures (address, window_start, failures) "
                    + "SELECT 'a' || i, timestamptz '2026-11-27T13:00:00Z', 1 FROM generate_series(1, 2500) i");
        }
        fail(ADDRESS, 1);

        assertThat(throttle.removeExpired()).isEqualTo(2_500);
        assertThat(counts()).containsOnlyKeys(ADDRESS);
    }

    @Test
    void itRefusesAMeaninglessConfiguration() {
        assertThatThrownBy(() -> new JdbcAuthenticationThrottle(database, 0, QUARTER, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JdbcAuthenticationThrottle(database, 3, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JdbcAuthenticationThrottle(database, 3, Duration.ofNanos(1_500_000), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JdbcAuthenticationThrottle unreachable = new JdbcAuthenticationThrottle(
                TestPostgres.unreachableDatabase(port), 3, QUARTER, clock);

        for (Runnable call : List.<Runnable>of(() -> unreachable.blockedFor(ADDRESS),
                () -> unreachable.recordFailure(ADDRESS), unreachable::removeExpired)) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ExportException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        }
    }

    private Map<String, Integer> counts() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT address, failures FROM auth_failures ORDER BY address");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
