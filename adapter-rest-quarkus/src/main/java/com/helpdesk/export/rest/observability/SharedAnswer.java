package com.helpdesk.export.rest.observability;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One answer shared by every caller for a short time, and asked for by one caller at a time: however many callers
 * arrive at once, at most one asks the source, and the source is asked at most once per {@code period} (counted from
 * the moment its last answer came back); callers that arrive while it is being asked wait for that answer and share
 * it. An answer that failed (the source threw) is not kept. With a period of zero every caller asks, one at a time.
 *
 * <p>Health probes use it so that a flood of probes costs the database one query per check and period, holding at
 * most one pooled connection per check.
 */
final class SharedAnswer<T> {

    private record Known<T>(T answer, long atNanos) {}

    private final Supplier<T> source;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock asking = new ReentrantLock();
    private volatile Known<T> last;

    /**
     * @param period   how long an answer is shared; zero or more
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    SharedAnswer(Supplier<T> source, Duration period, LongSupplier nanoTime) {
        this.source = Objects.requireNonNull(source, "source");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(period, "period");
        if (period.isNegative()) {
            throw new IllegalArgumentException("the period an answer is shared must not be negative: " + period);
        }
        this.periodNanos = period.toNanos();
    }

    T get() {
        Known<T> known = last;
        if (fresh(known)) {
            return known.answer();
        }
        asking.lock();
        try {
            known = last;
            if (fresh(known)) {
                return known.answer();
            }
            T answer = source.get();
            last = new Known<>(answer, nanoTime.getAsLong());
            return answer;
        } finally {
            asking.unlock();
        }
    }

    private boolean fresh(Known<T> known) {
        return known != null && nanoTime.getAsLong() - known.atNanos() < periodNanos;
    }
}
