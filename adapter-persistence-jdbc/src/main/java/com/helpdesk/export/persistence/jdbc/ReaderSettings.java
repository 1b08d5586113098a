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
 * @param fetchBytes       what the driver may hold of one snapshot's rows at once, in bytes: each fetch takes as many
 *                         rows as fit, by the largest row seen so far
 * @param firstFetchRows   rows of a query's first fetch, before any row's size is known
 * @param maxFetchRows     rows of any fetch at most
 */
public record ReaderSettings(Duration statementTimeout, Duration deadline, int maxSnapshots, Duration capacityWait,
                             int fetchBytes, int firstFetchRows, int maxFetchRows) {

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
        if (maxSnapshots < 1 || fetchBytes < 1 || firstFetchRows < 1 || maxFetchRows < firstFetchRows) {
            throw new IllegalArgumentException("maxSnapshots, fetchBytes and firstFetchRows must be positive, and "
                    + "maxFetchRows at least firstFetchRows");
        }
    }

    /** 30 s per statement, 60 s per export, 20 snapshots, 5 s wait, 4 MiB per fetch, 16 then up to 1,000 rows. */
    public static ReaderSettings defaults() {
        return new ReaderSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), 20, Duration.ofSeconds(5),
                4 << 20, 16, 1_000);
    }

    public ReaderSettings withStatementTimeout(Duration timeout) {
        return new ReaderSettings(timeout, deadline, maxSnapshots, capacityWait, fetchBytes, firstFetchRows,
                maxFetchRows);
    }

    public ReaderSettings withDeadline(Duration newDeadline) {
        return new ReaderSettings(statementTimeout, newDeadline, maxSnapshots, capacityWait, fetchBytes,
                firstFetchRows, maxFetchRows);
    }

    /** Rows of the next fetch, when the largest row seen so far took {@code maxRowBytes}. */
    int fetchRows(long maxRowBytes) {
        long fit = fetchBytes / Math.max(1, maxRowBytes);
        return (int) Math.max(1, Math.min(maxFetchRows, fit));
    }
}
