package com.helpdesk.export.persistence.jdbc.access;

import com.helpdesk.export.persistence.jdbc.Connections;
import com.helpdesk.export.persistence.jdbc.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The change feed's tombstones (written by the migrations' triggers when a row is deleted or leaves its mode), deleted
 * once older than the retention, in batches. Each batch raises the feed's horizon of deleted tombstones to the highest
 * stamp it deleted, in the same statement, so that a reader sees the tombstones gone and the horizon raised together:
 * a cursor whose position lies before that stamp could have lost a deletion and is refused as expired. The time comes
 * from the injected clock.
 */
public final class JdbcTombstones {

    private static final String REMOVE_EXPIRED = "WITH gone AS (DELETE FROM change_tombstones WHERE ctid IN ("
            + "SELECT ctid FROM change_tombstones WHERE deleted_at < ? LIMIT ? FOR UPDATE SKIP LOCKED) "
            + "RETURNING change_stamp), raised AS (UPDATE change_feed_horizon SET purged_stamp = "
            + "greatest(purged_stamp, (SELECT max(change_stamp) FROM gone)) WHERE EXISTS (SELECT 1 FROM gone) "
            + "RETURNING 1) SELECT (SELECT count(*) FROM gone), (SELECT count(*) FROM raised)";

    private final DataSource dataSource;
    private final Duration retention;
    private final Clock clock;

    public JdbcTombstones(DataSource dataSource, Duration retention, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Deletes every tombstone older than the retention; answers how many. */
    public int removeExpired() {
        try (Connection connection = Connections.open(dataSource);
                PreparedStatement statement = connection.prepareStatement(REMOVE_EXPIRED)) {
            statement.setObject(1, clock.instant().minus(retention).atOffset(ZoneOffset.UTC));
            statement.setInt(2, BatchedDelete.BATCH);
            int removed = 0;
            int batch;
            do {
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    batch = row.getInt(1);
                }
                removed += batch;
            } while (batch == BatchedDelete.BATCH);
            return removed;
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
    }
}
