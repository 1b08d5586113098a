package com.helpdesk.export.persistence.jdbc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.policy.RateLimits;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPools;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import com.helpdesk.export.testsupport.MutableClock;
import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcRateLimiterTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final DataSource database = TestPostgres.migratedDatabase();
    private final MutableClock clock = MutableClock.at("2026-11-27T14:30:00Z");

    static KeyVerification.Verified caller(KeyKind kind) {
        String prefix = kind == KeyKind.SECRET ? "sk_live_AbCd" : "pk_live_AbCd";
        return new KeyVerification.Verified(
                UUID.randomUUID(),
                new TeamId(UUID.randomUUID()),
                UUID.randomUUID(),
                Role.OWNER,
                kind,
                Mode.LIVE,
                prefix);
    }

    private JdbcRateLimiter limiter(long secret, long publishable, Duration window) {
        return new JdbcRateLimiter(database, new RateLimits(secret, publishable, window), clock);
    }

    private static void consume(JdbcRateLimiter limiter, KeyVerification.Verified caller, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(limiter.consume(caller).allowed()).as("call %d", i + 1).isTrue();
        }
    }

    @Test
    void aNewKeyHasItsWholeBudgetUntilTheEndOfTheCurrentEpochAlignedWindow() {
        RateLimitStatus status = limiter(5, 2, HOUR).consume(caller(KeyKind.SECRET));

        assertThat(status)
                .isEqualTo(new RateLimitStatus(true, 5, 4, Instant.parse("2026-11-27T15:00:00Z"), HOUR, Duration.ZERO));
    }

    @Test
    void theWindowIsAlignedToTheEpochNotToTheFirstCall() {
        JdbcRateLimiter limiter = limiter(1, 1, HOUR);
        KeyVerification.Verified caller = caller(KeyKind.SECRET);
        clock.set(Instant.parse("2026-11-27T14:59:59Z"));
        consume(limiter, caller, 1);
        assertThat(limiter.consume(caller).retryAfter()).isEqualTo(Duration.ofSeconds(1));

        clock.set(Instant.parse("2026-11-27T15:00:00Z"));
        assertThat(limiter.consume(caller))
                .isEqualTo(new RateLimitStatus(true, 1, 0, Instant.parse("2026-11-27T16:00:00Z"), HOUR, Duration.ZERO));

        // a window that does not divide a day is aligned to the epoch all the same
        Duration sevenSeconds = Duration.ofSeconds(7);
        long epochSecond = clock.instant().getEpochSecond();
        RateLimitStatus status = limiter(3, 3, sevenSeconds).consume(caller(KeyKind.SECRET));
        assertThat(status.resetAt()).isEqualTo(Instant.ofEpochSecond((epochSecond / 7 + 1) * 7));
        assertThat(status.window()).isEqualTo(sevenSeconds);
    }

    @Test
    void theBudgetComesBackWholeWhenTheWindowEnds() {
        JdbcRateLimiter limiter = limiter(3, 1, HOUR);
        KeyVerification.Verified caller = caller(KeyKind.SECRET);
        assertThat(List.of(limiter.consume(caller), limiter.consume(caller), limiter.consume(caller)))
                .extracting(RateLimitStatus::remaining)
                .containsExactly(2L, 1L, 0L);

        RateLimitStatus refused = limiter.consume(caller);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.resetAt()).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
        assertThat(refused.retryAfter()).isCloseTo(Duration.ofMinutes(30), Duration.ofSeconds(1));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1_800);

        clock.set(Instant.parse("2026-11-27T14:59:59.999Z"));
        assertThat(limiter.consume(caller).retryAfter()).isEqualTo(Duration.ofMillis(1));

        clock.set(Instant.parse("2026-11-27T15:00:00Z"));
        RateLimitStatus next = limiter.consume(caller);
        assertThat(next)
                .isEqualTo(new RateLimitStatus(true, 3, 2, refused.resetAt().plus(HOUR), HOUR, Duration.ZERO));

        // several windows later: whole again, never more than whole
        clock.set(Instant.parse("2026-11-27T18:20:00Z"));
        assertThat(limiter.peek(caller).remaining()).isEqualTo(3);
        assertThat(limiter.consume(caller).resetAt()).isEqualTo(Instant.parse("2026-11-27T19:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"connection pool", "connection per call"})
    void ofNCallsLeftExactlyNOfMSimultaneousCallsPass(String connections) throws Exception {
        int threads = 40;
        try (AgroalDataSource pool = TestPools.pooled(database, threads)) {
            DataSource dataSource = connections.equals("connection pool") ? pool : database;
            JdbcRateLimiter limiter = new JdbcRateLimiter(dataSource, new RateLimits(50, 7, HOUR), clock);
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            try {
                for (int round = 0; round < 3; round++) {
                    // a used counter: 50 - 43 = 7 left
                    KeyVerification.Verified used = caller(KeyKind.SECRET);
                    consume(limiter, used, 43);
                    assertSimultaneousCalls(limiter, used, threads, 7, executor);
                    // a new counter, created by the simultaneous calls themselves: 7 (the publishable limit) left
                    assertSimultaneousCalls(limiter, caller(KeyKind.PUBLISHABLE), threads, 7, executor);
                }
            } finally {
                executor.shutdownNow();
            }
        }
    }

    private static void assertSimultaneousCalls(
            JdbcRateLimiter limiter, KeyVerification.Verified caller, int calls, long left, ExecutorService executor)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(calls);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RateLimitStatus>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            futures.add(executor.submit(() -> {
                ready.countDown();
                start.await();
                return limiter.consume(caller);
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        start.countDown();
        List<RateLimitStatus> statuses = new ArrayList<>();
        for (Future<RateLimitStatus> future : futures) {
            statuses.add(future.get(30, TimeUnit.SECONDS));
        }

        List<RateLimitStatus> allowed =
                statuses.stream().filter(RateLimitStatus::allowed).toList();
        assertThat(allowed).hasSize((int) left);
        assertThat(statuses.stream().filter(s -> !s.allowed()).count()).isEqualTo(calls - left);
        // every allowed call saw a different count
        assertThat(allowed)
                .extracting(RateLimitStatus::remaining)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, left).boxed().toList());
        assertThat(limiter.peek(caller).remaining()).isZero();
    }

    @Test
    void twoInstancesOverTwoDataSourcesShareOneBudget() {
        RateLimits limits = new RateLimits(10, 5, HOUR);
        JdbcRateLimiter first = new JdbcRateLimiter(database, limits, clock);
        JdbcRateLimiter second = new JdbcRateLimiter(TestPools.sameDatabase(database), limits, clock);
        KeyVerification.Verified caller = caller(KeyKind.SECRET);

        int allowedByFirst = 0;
        int allowedBySecond = 0;
        for (int i = 0; i < 12; i++) {
            if (first.consume(caller).allowed()) {
                allowedByFirst++;
            }
            if (second.consume(caller).allowed()) {
                allowedBySecond++;
            }
        }

        assertThat(allowedByFirst + allowedBySecond).isEqualTo(10);
        assertThat(allowedByFirst).isEqualTo(5);
        assertThat(first.peek(caller).remaining()).isZero();
        assertThat(second.peek(caller).remaining()).isZero();
    }

    @Test
    void peekDoesNotConsume() {
        JdbcRateLimiter limiter = limiter(2, 1, HOUR);
        KeyVerification.Verified caller = caller(KeyKind.SECRET);

        RateLimitStatus fresh = limiter.peek(caller);
        assertThat(fresh)
                .isEqualTo(new RateLimitStatus(true, 2, 2, Instant.parse("2026-11-27T15:00:00Z"), HOUR, Duration.ZERO));
        assertThat(limiter.peek(caller)).isEqualTo(fresh);

        assertThat(limiter.consume(caller).remaining()).isEqualTo(1);
        assertThat(limiter.peek(caller).remaining()).isEqualTo(1);
        assertThat(limiter.peek(caller).remaining()).isEqualTo(1);
        assertThat(limiter.consume(caller).remaining()).isZero();

        clock.set(Instant.parse("2026-11-27T14:45:00Z"));
        RateLimitStatus exhausted = limiter.peek(caller);
        assertThat(exhausted)
                .isEqualTo(new RateLimitStatus(
                        false, 2, 0, Instant.parse("2026-11-27T15:00:00Z"), HOUR, Duration.ofMinutes(15)));
    }

    @Test
    void secretAndPublishableKeysHaveTheirOwnLimits() {
        JdbcRateLimiter limiter = limiter(4, 2, HOUR);
        KeyVerification.Verified secret = caller(KeyKind.SECRET);
        KeyVerification.Verified publishable = caller(KeyKind.PUBLISHABLE);

        assertThat(limiter.consume(secret))
                .extracting(RateLimitStatus::limit, RateLimitStatus::remaining)
                .containsExactly(4L, 3L);
        assertThat(limiter.consume(publishable))
                .extracting(RateLimitStatus::limit, RateLimitStatus::remaining)
                .containsExactly(2L, 1L);
        assertThat(limiter.consume(publishable).allowed()).isTrue();
        assertThat(limiter.consume(publishable).allowed()).isFalse();
        assertThat(limiter.consume(secret).allowed()).isTrue();
        assertThat(limiter.peek(secret).remaining()).isEqualTo(2);
    }

    @Test
    void aChangedLimitAppliesAtOnceToTheCallsAlreadyCountedInTheWindow() {
        KeyVerification.Verified caller = caller(KeyKind.SECRET);
        JdbcRateLimiter ten = limiter(10, 1, HOUR);
        consume(ten, caller, 3);
        assertThat(ten.peek(caller).remaining()).isEqualTo(7);

        // restarted with a higher limit: the 3 calls made in this window stay counted
        JdbcRateLimiter twenty = limiter(20, 1, HOUR);
        assertThat(twenty.consume(caller))
                .extracting(RateLimitStatus::limit, RateLimitStatus::remaining)
                .containsExactly(20L, 16L);
        // each instance enforces its own limit over the one shared count
        assertThat(ten.consume(caller))
                .extracting(RateLimitStatus::limit, RateLimitStatus::remaining)
                .containsExactly(10L, 5L);

        // restarted with a lower limit than the calls already made: no call is left in this window
        JdbcRateLimiter five = limiter(5, 1, HOUR);
        assertThat(five.peek(caller))
                .extracting(RateLimitStatus::allowed, RateLimitStatus::remaining)
                .containsExactly(false, 0L);
        assertThat(five.consume(caller).allowed()).isFalse();

        // restarted with another window: counting starts over on the new window
        clock.set(Instant.parse("2026-11-27T14:40:00Z"));
        JdbcRateLimiter halfHour = limiter(5, 1, Duration.ofMinutes(30));
        assertThat(halfHour.consume(caller))
                .isEqualTo(new RateLimitStatus(
                        true, 5, 4, Instant.parse("2026-11-27T15:00:00Z"), Duration.ofMinutes(30), Duration.ZERO));
    }

    @Test
    void peekTakesNoLock() throws Exception {
        JdbcRateLimiter limiter = limiter(5, 1, HOUR);
        KeyVerification.Verified caller = caller(KeyKind.SECRET);
        consume(limiter, caller, 2);
        try (Connection locker = database.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement statement = locker.createStatement()) {
                // what a count in progress holds: the row's lock
                statement
                        .executeQuery(
                                "SELECT * FROM rate_limit_windows WHERE key_id = '" + caller.keyId() + "' FOR UPDATE")
                        .close();
            }
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                Future<RateLimitStatus> peek = executor.submit(() -> limiter.peek(caller));
                assertThat(peek.get(5, TimeUnit.SECONDS).remaining()).isEqualTo(3);
            } finally {
                executor.shutdownNow();
                locker.rollback();
            }
        }
    }

    @Test
    void removeExpiredDeletesTheCountersOfEndedWindowsAndKeepsTheOthers() throws SQLException {
        JdbcRateLimiter limiter = limiter(3, 1, HOUR);
        KeyVerification.Verified old = caller(KeyKind.SECRET);
        KeyVerification.Verified current = caller(KeyKind.SECRET);
        consume(limiter, old, 3);
        clock.set(Instant.parse("2026-11-27T14:59:59.999Z"));
        assertThat(limiter.removeExpired()).isZero();

        clock.set(Instant.parse("2026-11-27T15:10:00Z"));
        consume(limiter, current, 2);
        assertThat(counterKeys()).containsExactlyInAnyOrder(old.keyId(), current.keyId());

        assertThat(limiter.removeExpired()).isEqualTo(1);
        assertThat(counterKeys()).containsExactly(current.keyId());
        assertThat(limiter.removeExpired()).isZero();
        // a removed window counter was of an ended window anyway; the kept one still counts
        assertThat(limiter.peek(old).remaining()).isEqualTo(3);
        assertThat(limiter.peek(current).remaining()).isEqualTo(1);
    }

    @Test
    void removeExpiredWorksInBatches() throws SQLException {
        JdbcRateLimiter limiter = limiter(3, 1, HOUR);
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO rate_limit_windows (key_id, window_start, calls) "
                    + "SELECT gen_random_uuid(), timestamptz '2026-11-27T10:00:00Z', 1 FROM generate_series(1, 2500)");
        }
        assertThat(limiter.removeExpired()).isEqualTo(2_500);
        assertThat(counterKeys()).isEmpty();
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JdbcRateLimiter limiter =
                new JdbcRateLimiter(TestPostgres.unreachableDatabase(port), RateLimits.contractDefault(), clock);
        KeyVerification.Verified caller = caller(KeyKind.SECRET);

        for (Runnable call :
                List.<Runnable>of(() -> limiter.consume(caller), () -> limiter.peek(caller), limiter::removeExpired)) {
            assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(
                            ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        }
    }

    @Test
    void aBrokenTableIsAnInternalError() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE rate_limit_windows RENAME TO rate_limit_windows_gone");
        }
        assertThatThrownBy(() -> limiter(3, 1, HOUR).consume(caller(KeyKind.SECRET)))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
                    assertThat(e.getMessage()).doesNotContain("rate_limit_windows");
                });
    }

    @Test
    void refusedCallsCarryARetryAfterOfTheTimeToTheWindowsEnd() {
        JdbcRateLimiter limiter = limiter(1, 1, HOUR);
        KeyVerification.Verified caller = caller(KeyKind.SECRET);
        clock.set(Instant.parse("2026-11-27T14:12:34.500Z"));
        consume(limiter, caller, 1);

        RateLimitStatus refused = limiter.consume(caller);
        Duration untilReset = Duration.between(clock.instant(), refused.resetAt());
        assertThat(refused.retryAfter().toMillis()).isCloseTo(untilReset.toMillis(), within(1_000L));
        assertThat(refused.retryAfterSeconds()).isEqualTo(2_846); // 47 min 25.5 s, rounded up
    }

    private List<UUID> counterKeys() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT key_id FROM rate_limit_windows")) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
