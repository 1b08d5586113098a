package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.policy.RateLimits;
import com.helpdesk.export.domain.port.KeyVerification;
import com.helpdesk.export.domain.port.RateLimiter;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPools;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of {@link JdbcRateLimiter} (Bucket4j, select for update: 3 statements and a transaction per call)
 * against a one-statement upsert counter, on the embedded PostgreSQL through an Agroal pool of 16 connections.
 * Prints calls per second; asserts no timing. Not in the default Surefire run (the name does not end in Test):
 * {@code ./mvnw -B -ntp -o -pl adapter-persistence-jdbc test -Dtest=RateLimitBenchmark}.
 */
@Tag("benchmark")
class RateLimitBenchmark {

    private static final int CALLS = 2_000;
    private static final int THREADS = 16;
    private static final RateLimits LIMITS = new RateLimits(1_000_000, 1_000_000, Duration.ofHours(1));

    @Test
    void bucket4jAgainstAnUpsertCounter() throws Exception {
        DataSource database = TestPostgres.migratedDatabase();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_counters (key_id uuid NOT NULL, window_start bigint NOT NULL, "
                    + "count integer NOT NULL, PRIMARY KEY (key_id, window_start))");
        }
        try (AgroalDataSource pool = TestPools.pooled(database, THREADS)) {
            Clock clock = Clock.systemUTC();
            List<RateLimiter> limiters = List.of(new JdbcRateLimiter(pool, LIMITS, clock),
                    new UpsertCounter(pool, LIMITS, clock));
            List<String> names = List.of("Bucket4j select-for-update", "SQL upsert counter");
            ExecutorService executor = Executors.newFixedThreadPool(THREADS);
            try {
                for (int i = 0; i < limiters.size(); i++) {
                    RateLimiter limiter = limiters.get(i);
                    run(limiter, executor, keys(THREADS), THREADS); // warm-up: JIT, pool, first buckets
                    System.out.printf(Locale.ROOT, "%-28s sequential, 1 key   : %8.0f calls/s%n", names.get(i),
                            run(limiter, executor, keys(1), 1));
                    System.out.printf(Locale.ROOT, "%-28s %d threads, 1 key   : %8.0f calls/s%n", names.get(i),
                            THREADS, run(limiter, executor, keys(1), THREADS));
                    System.out.printf(Locale.ROOT, "%-28s %d threads, %d keys : %8.0f calls/s%n", names.get(i),
                            THREADS, THREADS, run(limiter, executor, keys(THREADS), THREADS));
                }
            } finally {
                executor.shutdownNow();
            }
        }
    }

    private static List<KeyVerification.Verified> keys(int count) {
        List<KeyVerification.Verified> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(JdbcRateLimiterTest.caller(KeyKind.SECRET));
        }
        return keys;
    }

    /** {@value #CALLS} calls spread over {@code threads} threads, thread t on key t modulo the keys; calls/s. */
    private static double run(RateLimiter limiter, ExecutorService executor, List<KeyVerification.Verified> keys,
                              int threads) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            KeyVerification.Verified key = keys.get(t % keys.size());
            int calls = CALLS / threads;
            futures.add(executor.submit(() -> {
                start.await();
                int allowed = 0;
                for (int c = 0; c < calls; c++) {
                    if (limiter.consume(key).allowed()) {
                        allowed++;
                    }
                }
                return allowed;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        int allowed = 0;
        for (Future<Integer> future : futures) {
            allowed += future.get(60, TimeUnit.SECONDS);
        }
        long elapsed = System.nanoTime() - began;
        assertThat(allowed).isEqualTo(CALLS);
        return CALLS / (elapsed / 1e9);
    }

    /** The alternative measured: one statement per call, a counter per key and epoch-aligned window. */
    static final class UpsertCounter implements RateLimiter {

        private static final String COUNT = "INSERT INTO bench_counters (key_id, window_start, count) VALUES (?, ?, 1) "
                + "ON CONFLICT (key_id, window_start) DO UPDATE SET count = bench_counters.count + 1 "
                + "WHERE bench_counters.count < ? RETURNING count";

        private final DataSource dataSource;
        private final RateLimits limits;
        private final Clock clock;

        UpsertCounter(DataSource dataSource, RateLimits limits, Clock clock) {
            this.dataSource = dataSource;
            this.limits = limits;
            this.clock = clock;
        }

        @Override
        public RateLimitStatus consume(KeyVerification.Verified caller) {
            long limit = limits.limitFor(caller.kind());
            long windowMillis = limits.window().toMillis();
            Instant now = clock.instant();
            long start = Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis;
            Instant end = Instant.ofEpochMilli(start + windowMillis);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(COUNT)) {
                statement.setObject(1, caller.keyId());
                statement.setLong(2, start);
                statement.setLong(3, limit);
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next()) {
                        return new RateLimitStatus(true, limit, limit - row.getLong(1), end, limits.window(),
                                Duration.ZERO);
                    }
                    return new RateLimitStatus(false, limit, 0, end, limits.window(), Duration.between(now, end));
                }
            } catch (SQLException e) {
                throw SqlErrors.translateCounting(e);
            }
        }

        @Override
        public RateLimitStatus peek(KeyVerification.Verified caller) {
            throw new UnsupportedOperationException("not measured");
        }
    }
}
