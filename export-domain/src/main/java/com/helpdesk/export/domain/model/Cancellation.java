package com.helpdesk.export.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Says that nobody waits for an export any more (its client left, or its deadline passed): whoever reads for it
 * stops. Thread-safe: it is cancelled from one thread (an HTTP event loop, a timer) while the export runs in another.
 * An action registered after the cancellation runs at once.
 */
public final class Cancellation {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    /** A cancellation nobody ever triggers, for callers that cannot go away (a batch job, a test). */
    public static Cancellation never() {
        return new Cancellation();
    }

    /** Cancels, running every registered action once, in the order they were registered. Idempotent. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        for (Runnable action : toRun) {
            action.run();
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code action} when this is cancelled (at once if it already is) unless the returned registration is
     * removed first.
     */
    public Registration onCancel(Runnable action) {
        Objects.requireNonNull(action, "action");
        boolean runNow;
        synchronized (this) {
            runNow = cancelled;
            if (!runNow) {
                actions.add(action);
            }
        }
        if (runNow) {
            action.run();
        }
        return () -> {
            synchronized (this) {
                actions.remove(action);
            }
        };
    }

    /** Undoes an {@link #onCancel} registration. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
