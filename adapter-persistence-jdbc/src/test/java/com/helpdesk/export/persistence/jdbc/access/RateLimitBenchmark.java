package com.helpdesk.export.persistence.jdbc.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.policy.RateLimits;
import com.helpdesk.export.domain.port.RateLimiter;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPools;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import io.agroal.api.AgroalDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of {@link JdbcRateLimiter} (one upsert statement per call), on the embedded PostgreSQL through an Agroal
 * pool of 16 connections. (It replaced Bucket4j's select-for-update backend, 3 statements and a transaction per call,
 * which the earlier version of this benchmark measured against it.)
 * Prints calls per second; asserts no timing. Not in the default Surefire run (the name does not end in Test):
 * {@code ./mvnw -B -ntp -o -pl adapter-persistence-jdbc test -Dtest=RateLimitBenchmark}.
 */
@Tag("benchmark")
class RateLimitBenchmark {

    private static final int CALLS = 2_000;
    private static final int THREADS = 16;
    private static final RateLimits LIMITS = new RateLimits(1_000_000, 1_000_000, Duration.ofHours(1));

    @Test
    void callsPerSecond() throws Exception {
        DataSource database = TestPostgres.migratedDatabase();
        try (AgroalDataSource pool = TestPools.pooled(database, THREADS)) {
            Clock clock = Clock.systemUTC();
            List<RateLimiter> limiters = List.of(new JdbcRateLimiter(pool, LIMITS, clock));
            List<String> names = List.of("window counter (upsert)");
            ExecutorService executor = Executors.newFixedThreadPool(THREADS);
            try {
                for (int i = 0; i < limiters.size(); i++) {
                    RateLimiter limiter = limiters.get(i);
                    run(limiter, executor, keys(THREADS), THREADS); // warm-up: JIT, pool, first buckets
                    System.out.printf(
                            Locale.ROOT,
                            "%-28s sequential, 1 key   : %8.0f calls/s%n",
                            names.get(i),
                            run(limiter, executor, keys(1), 1));
                    System.out.printf(
                            Locale.ROOT,
                            "%-28s %d threads, 1 key   : %8.0f calls/s%n",
                            names.get(i),
                            THREADS,
                            run(limiter, executor, keys(1), THREADS));
                    System.out.printf(
                            Locale.ROOT,
                            "%-28s %d threads, %d keys : %8.0f calls/s%n",
                            names.get(i),
                            THREADS,
                            THREADS,
                            run(limiter, executor, keys(THREADS), THREADS));
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
    private static double run(
            RateLimiter limiter, ExecutorService executor, List<KeyVerification.Verified> keys, int threads)
            throws Exception {
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
}
