package com.helpdesk.export.persistence.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link JdbcResourceReader} bounds its work.
 *
 * @param statementTimeout the longest one statement of a snapshot may run
 * @param deadline         the longest the whole database part of one export (every statement, every fetch) may take;
 *                         past it the snapshot's connection is aborted
 * @param maxSnapshots     snapshots open at once in this instance (at most the export pool's size less the
 *                         connections anything else may take of that pool, so that the pool never runs dry and a
 *                         connection that cannot be had means the database is in trouble)
 * @param capacityWait     how long an export waits for one of those before it is refused as "at capacity"
 */
public record ReaderSettings(Duration statementTimeout, Duration deadline, int maxSnapshots, Duration capacityWait) {

    public ReaderSettings {
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(capacityWait, "capacityWait");
        if (statementTimeout.isNegative() || statementTimeout.isZero() || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("statementTimeout and deadline must be positive");
        }
        if (capacityWait.isNegative()) {
            throw new IllegalArgumentException("capacityWait must not be negative");
        }
        if (maxSnapshots < 1) {
            throw new IllegalArgumentException("maxSnapshots must be positive");
        }
    }

    /** 30 s per statement, 60 s per export, 20 snapshots, 5 s wait. */
    public static ReaderSettings defaults() {
        return new ReaderSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), 20, Duration.ofSeconds(5));
    }

    public ReaderSettings withStatementTimeout(Duration timeout) {
        return new ReaderSettings(timeout, deadline, maxSnapshots, capacityWait);
    }

    public ReaderSettings withDeadline(Duration newDeadline) {
        return new ReaderSettings(statementTimeout, newDeadline, maxSnapshots, capacityWait);
    }
}
