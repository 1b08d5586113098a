package com.helpdesk.export.persistence.jdbc.read;

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
 * @param searchBudget     the longest the read of a page may run when it searches for a term no index can serve
 *                         (at most {@code statementTimeout}): past it, the search is too broad for the team
 */
public record ReaderSettings(
        Duration statementTimeout, Duration deadline, int maxSnapshots, Duration capacityWait, Duration searchBudget) {

    public ReaderSettings {
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(capacityWait, "capacityWait");
        Objects.requireNonNull(searchBudget, "searchBudget");
        if (statementTimeout.isNegative() || statementTimeout.isZero() || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("statementTimeout and deadline must be positive");
        }
        if (capacityWait.isNegative()) {
            throw new IllegalArgumentException("capacityWait must not be negative");
        }
        if (searchBudget.isNegative() || searchBudget.isZero() || searchBudget.compareTo(statementTimeout) > 0) {
            throw new IllegalArgumentException("searchBudget must be positive and at most statementTimeout");
        }
        if (maxSnapshots < 1) {
            throw new IllegalArgumentException("maxSnapshots must be positive");
        }
    }

    /** 30 s per statement, 60 s per export, 20 snapshots, 5 s wait, 5 s for a search no index serves. */
    public static ReaderSettings defaults() {
        return new ReaderSettings(
                Duration.ofSeconds(30), Duration.ofSeconds(60), 20, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    public ReaderSettings withStatementTimeout(Duration timeout) {
        return new ReaderSettings(
                timeout,
                deadline,
                maxSnapshots,
                capacityWait,
                searchBudget.compareTo(timeout) > 0 ? timeout : searchBudget);
    }

    public ReaderSettings withDeadline(Duration newDeadline) {
        return new ReaderSettings(statementTimeout, newDeadline, maxSnapshots, capacityWait, searchBudget);
    }

    public ReaderSettings withMaxSnapshots(int snapshots) {
        return new ReaderSettings(statementTimeout, deadline, snapshots, capacityWait, searchBudget);
    }

    public ReaderSettings withCapacityWait(Duration wait) {
        return new ReaderSettings(statementTimeout, deadline, maxSnapshots, wait, searchBudget);
    }

    public ReaderSettings withSearchBudget(Duration budget) {
        return new ReaderSettings(statementTimeout, deadline, maxSnapshots, capacityWait, budget);
    }
}
