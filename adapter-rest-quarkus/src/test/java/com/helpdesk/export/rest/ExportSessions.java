package com.helpdesk.export.rest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and kills the database session of one export a test started, and only that one: a session left by an
 * earlier test (a stalled reader waiting for its idle timeout, say) must not be taken for it, or the test would kill
 * the wrong export and watch its own finish cleanly.
 */
final class ExportSessions {

    private ExportSessions() {
    }

    /** The database's clock, read before a test sends its request; sessions whose transaction began later are its. */
    static Timestamp databaseNow(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select clock_timestamp()")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    /**
     * Waits until a session whose transaction began at or after {@code since} sits idle inside that transaction with
     * a query on {@code table} (an export blocked writing to its client), then terminates it.
     *
     * @return the number of sessions terminated: 0 when none showed up within {@code wait}
     */
    static int terminateExportStartedSince(DataSource dataSource, String table, Timestamp since, Duration wait)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            List<Integer> pids = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement find = c.prepareStatement("select pid from pg_stat_activity "
                         + "where pid <> pg_backend_pid() and datname = current_database() "
                         + "and state like 'idle in transaction%' and xact_start >= ? and query ilike ?")) {
                find.setTimestamp(1, since);
                find.setString(2, "%from " + table + "%");
                try (ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        pids.add(rs.getInt(1));
                    }
                }
                if (!pids.isEmpty()) {
                    int terminated = 0;
                    try (PreparedStatement kill = c.prepareStatement("select pg_terminate_backend(?)")) {
                        for (int pid : pids) {
                            kill.setInt(1, pid);
                            try (ResultSet rs = kill.executeQuery()) {
                                rs.next();
                                terminated += rs.getBoolean(1) ? 1 : 0;
                            }
                        }
                    }
                    return terminated;
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return 0;
    }
}
