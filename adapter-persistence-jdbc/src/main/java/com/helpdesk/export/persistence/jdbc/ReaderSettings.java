package com.helpdesk.export.persistence.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link JdbcResourceReader} bounds its work.
 *
 * @param statementTimeout the longest one statement of a snapshot may run
 * @param deadline         the longest the whole database part of one export (every statement, every fetch) may take;
 *                         past it the snapshot's connection is aborted
 * @param maxSnapshots     snapshots open at once in this instance (at most the export pool's size, so that the pool
 *                         never runs dry and a connection that cannot be had means the database is in trouble)
 * @param capacityWait     how long an export waits for one of those before it is refused as "at capacity"
 * @param fetchBytes       what the driver may hold of one query's rows at once, in bytes: a query's first fetch takes
 *                         one row; each later one 1,000, 32 or 1 rows, the most whose bytes (which the last row
 *                         of the fetch before reports, see {@link SelectList}) fit in this; only a single row larger
 *                         than this is fetched whole anyway
 */
public record ReaderSettings(
        Duration statementTimeout, Duration deadline, int maxSnapshots, Duration capacityWait, int fetchBytes) {

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
        if (maxSnapshots < 1 || fetchBytes < 1) {
            throw new IllegalArgumentException("maxSnapshots and fetchBytes must be positive");
        }
    }

    /** 30 s per statement, 60 s per export, 20 snapshots, 5 s wait, 4 MiB per fetch. */
    public static ReaderSettings defaults() {
        return new ReaderSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), 20, Duration.ofSeconds(5), 4 << 20);
    }

    public ReaderSettings withStatementTimeout(Duration timeout) {
        return new ReaderSettings(timeout, deadline, maxSnapshots, capacityWait, fetchBytes);
    }

    public ReaderSettings withDeadline(Duration newDeadline) {
        return new ReaderSettings(statementTimeout, newDeadline, maxSnapshots, capacityWait, fetchBytes);
    }

    /**
     * Rows of the next fetch: the most of {@link SelectList#AHEAD} whose bytes fit the budget, else 1.
     *
     * @param aheadBytes the bytes of the next {@code SelectList.AHEAD[i]} rows, for each i
     */
    int fetchRows(long[] aheadBytes) {
        for (int i = 0; i < SelectList.AHEAD.length; i++) {
            if (aheadBytes[i] <= fetchBytes) {
                return SelectList.AHEAD[i];
            }
        }
        return 1;
    }
}
