package com.helpdesk.export.rest.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedAnswerTest {

    /** A monotonic clock that stands still until the test moves it. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private final ExecutorService callers = Executors.newFixedThreadPool(32);

    /** A source that counts how often it is asked and how many askings overlap. */
    private static final class CountingSource implements Supplier<String> {
        final AtomicInteger asked = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        volatile CountDownLatch release = new CountDownLatch(0);
        volatile RuntimeException failure;

        @Override
        public String get() {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                int n = asked.incrementAndGet();
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
                if (failure != null) {
                    throw failure;
                }
                return "answer " + n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    private List<Future<String>> callAtOnce(SharedAnswer<String> shared, int count) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(callers.submit(() -> {
                ready.countDown();
                go.await();
                return shared.get();
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        return answers;
    }

    private static void awaitAsked(CountingSource source, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (source.asked.get() < times && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void callersThatArriveTogetherShareOneAskingOfTheSource() throws Exception {
        CountingSource source = new CountingSource();
        source.release = new CountDownLatch(1);
        SharedAnswer<String> shared = new SharedAnswer<>(source, Duration.ofSeconds(1), nanos::get);

        List<Future<String>> answers = callAtOnce(shared, 32);
        awaitAsked(source, 1);
        Thread.sleep(200); // room for any other caller to ask as well, which it must not
        assertThat(source.inFlight.get())
                .as("askings in flight while the first is held")
                .isEqualTo(1);
        source.release.countDown();
        for (Future<String> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("answer 1");
        }
        assertThat(source.asked.get()).isEqualTo(1);
        assertThat(source.mostInFlight.get()).isEqualTo(1);
    }

    @Test
    void theAnswerIsSharedForThePeriodAfterItCameBackThenAskedForAgain() {
        CountingSource source = new CountingSource();
        SharedAnswer<String> shared = new SharedAnswer<>(source, Duration.ofSeconds(1), nanos::get);

        assertThat(shared.get()).isEqualTo("answer 1");
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(shared.get()).isEqualTo("answer 1");
        assertThat(source.asked.get()).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(shared.get()).isEqualTo("answer 2");
        assertThat(shared.get()).isEqualTo("answer 2");
        assertThat(source.asked.get()).isEqualTo(2);
    }

    @Test
    void aFloodAcrossManyPeriodsAsksOncePerPeriod() throws Exception {
        CountingSource source = new CountingSource();
        SharedAnswer<String> shared = new SharedAnswer<>(source, Duration.ofMillis(500), nanos::get);
        for (int period = 0; period < 10; period++) {
            for (Future<String> answer : callAtOnce(shared, 32)) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("answer " + (period + 1));
            }
            nanos.addAndGet(Duration.ofMillis(500).toNanos());
        }
        assertThat(source.asked.get()).isEqualTo(10);
        assertThat(source.mostInFlight.get()).isEqualTo(1);
    }

    @Test
    void aFailedAskingIsNotKeptAndTheNextCallerAsksAgain() {
        CountingSource source = new CountingSource();
        source.failure = new IllegalStateException("boom");
        SharedAnswer<String> shared = new SharedAnswer<>(source, Duration.ofSeconds(1), nanos::get);

        assertThatThrownBy(shared::get).isSameAs(source.failure);
        source.failure = null;
        assertThat(shared.get()).isEqualTo("answer 2");
        assertThat(shared.get()).isEqualTo("answer 2");
    }

    @Test
    void withAPeriodOfZeroEveryCallerAsksButOneAtATime() throws Exception {
        CountingSource source = new CountingSource();
        SharedAnswer<String> shared = new SharedAnswer<>(source, Duration.ZERO, nanos::get);
        for (Future<String> answer : callAtOnce(shared, 32)) {
            answer.get(10, TimeUnit.SECONDS);
        }
        assertThat(source.asked.get()).isEqualTo(32);
        assertThat(source.mostInFlight.get()).isEqualTo(1);
    }

    @Test
    void aNegativePeriodIsRefused() {
        assertThatThrownBy(() -> new SharedAnswer<>(() -> "x", Duration.ofMillis(-1), nanos::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }
}
