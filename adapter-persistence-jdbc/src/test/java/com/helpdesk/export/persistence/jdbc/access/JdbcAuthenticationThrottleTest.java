package com.helpdesk.export.persistence.jdbc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPools;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import com.helpdesk.export.testsupport.MutableClock;
import io.agroal.api.AgroalDataSource;
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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcAuthenticationThrottleTest {

    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final String ADDRESS = "203.0.113.7";

    private final DataSource database = TestPostgres.migratedDatabase();
    private final MutableClock clock = MutableClock.at("2026-11-27T14:37:30Z");
    private final JdbcAuthenticationThrottle throttle = new JdbcAuthenticationThrottle(database, 3, QUARTER, clock);

    /** Records {@code times} failures; the answer to the last one. */
    private Optional<Duration> fail(String address, int times) {
        Optional<Duration> last = Optional.empty();
        for (int i = 0; i < times; i++) {
            last = throttle.recordFailure(address);
        }
        return last;
    }

    @Test
    void failuresPastTheAllowanceAreAnsweredWithTheWaitUntilTheEndOfTheEpochAlignedWindow() {
        assertThat(fail(ADDRESS, 1)).isEmpty();
        assertThat(fail(ADDRESS, 2))
                .as("the third failure is still within the allowance of 3")
                .isEmpty();

        // the window is 14:30 to 14:45
        assertThat(fail(ADDRESS, 1)).contains(Duration.ofSeconds(450));
        clock.set(Instant.parse("2026-11-27T14:44:59.250Z"));
        assertThat(fail(ADDRESS, 1)).contains(Duration.ofMillis(750));
    }

    @Test
    void otherAddressesAreNotAffected() {
        fail(ADDRESS, 4);

        assertThat(fail("203.0.113.8", 1)).isEmpty();
        assertThat(fail("2001:db8::7", 1)).isEmpty();
    }

    @Test
    void theNextWindowStartsAtZero() {
        assertThat(fail(ADDRESS, 4)).isPresent();
        clock.set(Instant.parse("2026-11-27T14:45:00Z"));

        assertThat(fail(ADDRESS, 3)).isEmpty();
        assertThat(fail(ADDRESS, 1)).contains(QUARTER);
    }

    @Test
    void simultaneousFailuresAreAllCountedAndExactlyThosePastTheAllowanceAreRefused() throws Exception {
        int threads = 32;
        int each = 10;
        int allowance = 100;
        AtomicInteger refused = new AtomicInteger();
        try (AgroalDataSource pool = TestPools.pooled(database, threads)) {
            JdbcAuthenticationThrottle pooled = new JdbcAuthenticationThrottle(pool, allowance, QUARTER, clock);
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    futures.add(executor.submit(() -> {
                        start.await();
                        for (int j = 0; j < each; j++) {
                            if (pooled.recordFailure(ADDRESS).isPresent()) {
                                refused.incrementAndGet();
                            }
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
        assertThat(refused.get()).isEqualTo(threads * each - allowance);
    }

    @Test
    void anIpv6AddressCountsForItsWholeSlash64AndAMappedIpv4AddressAsIpv4() throws SQLException {
        fail("2001:db8:1:2::1", 1);
        fail("2001:db8:1:2:ffff:ffff:ffff:ffff", 1);
        fail("[2001:DB8:1:2::abcd]", 1);
        fail("2001:db8:1:3::1", 1);
        fail("::ffff:192.0.2.1", 1);
        fail("192.0.2.1", 1);
        fail("fe80::1%eth0", 1);

        assertThat(counts())
                .containsOnly(
                        Map.entry("2001:db8:1:2::/64", 3),
                        Map.entry("2001:db8:1:3::/64", 1),
                        Map.entry("192.0.2.1", 2),
                        Map.entry("fe80:0:0:0::/64", 1));
        assertThat(fail("2001:db8:1:2:9::9", 1))
                .as("the fourth failure of that network")
                .isPresent();
    }

    @Test
    void addressesAreBoundAsTextAndCappedInLength() throws SQLException {
        String injection = "'); DROP TABLE auth_failures; --";
        String longAddress = "x".repeat(64) + "-and-more";
        fail(injection, 2);
        fail(longAddress, 1);
        fail("x".repeat(64) + "-something-else", 2);
        fail("not-an-address\0", 1);

        assertThat(counts())
                .containsOnly(
                        Map.entry(injection, 2), Map.entry("x".repeat(64), 3), Map.entry("not-an-address\uFFFD", 1));
        assertThat(fail(longAddress, 1)).isPresent();
        assertThat(fail("x".repeat(63), 1)).isEmpty();
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
        assertThat(fail("198.51.100.2", 1)).isPresent();
        assertThat(fail("198.51.100.1", 1)).isEmpty();
    }

    @Test
    void removeExpiredWorksInBatches() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
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
        JdbcAuthenticationThrottle unreachable =
                new JdbcAuthenticationThrottle(TestPostgres.unreachableDatabase(port), 3, QUARTER, clock);

        for (Runnable call : List.<Runnable>of(() -> unreachable.recordFailure(ADDRESS), unreachable::removeExpired)) {
            assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(
                            ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        }
    }

    private Map<String, Integer> counts() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT address, failures FROM auth_failures ORDER BY address");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
