package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.error.SearchTooBroadException;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.ChangePage;
import com.helpdesk.export.domain.model.ChangeQuery;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.FeedPosition;
import com.helpdesk.export.domain.model.FeedState;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.port.ChangeConsumer;
import com.helpdesk.export.domain.port.ChangeSnapshot;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.RowConsumer;
import com.helpdesk.export.persistence.jdbc.SqlErrors;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;

/**
 * One read-only, repeatable-read transaction on one connection: every query of the snapshot sees the data as it
 * was when the transaction took its snapshot (when it was opened). Not thread-safe, except that it may be stopped
 * from another thread: when its deadline passes or its export is cancelled, the connection is aborted (its socket
 * closed), which ends a statement however it is blocked; the statement then fails with the reason.
 */
final class JdbcReadSnapshot implements ReadSnapshot, ChangeSnapshot {

    /** What the snapshot's first query said of the change feeds: its xmin, the cluster, the database's time. */
    record Start(long horizon, long cluster, Instant now) {}

    /**
     * The highest stamp of a tombstone deleted for its age, and how far behind the feed is held: on the primary the
     * age of the oldest write transaction still running (the feed gives nothing its id or a later one stamped until
     * it ends); on a standby the time since the last transaction it replayed, unless it has replayed all it received.
     */
    private static final String FEED_STATE = "SELECT (SELECT purged_stamp::text FROM change_feed_horizon), "
            + "CASE WHEN pg_is_in_recovery() THEN CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() "
            + "THEN 0 ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END "
            + "ELSE extract(epoch FROM now() - change_feed_oldest_write()) END";

    /** Why a snapshot was stopped: from outside (the deadline, the cancellation), or by a read that broke off. */
    private enum Stop {
        DEADLINE,
        CANCELLED,
        /** A read stopped in the middle of its copy; its connection was dropped. */
        BROKEN
    }

    private final Connection connection;
    private final Scope scope;
    private final ReaderSettings settings;
    private final ScheduledExecutorService watchdog;
    private final Runnable onClose;
    private final ScheduledFuture<?> deadline;
    private final Cancellation.Registration cancellation;
    /** The export's cancellation, asked before each read too: the watchdog's stop may not have run yet. */
    private final Cancellation cancelled;
    /** Guards {@link #closed} and {@link #stopped} between the reading thread, the watchdog and the canceller. */
    private final Object lock = new Object();

    private boolean closed;
    private volatile Stop stopped;
    private Start start;
    private FeedState feedState;

    JdbcReadSnapshot(
            Connection connection,
            Scope scope,
            ReaderSettings settings,
            long deadlineNanos,
            ScheduledExecutorService watchdog,
            Cancellation cancellation,
            Runnable onClose) {
        this.connection = connection;
        this.scope = scope;
        this.settings = settings;
        this.watchdog = watchdog;
        this.onClose = onClose;
        this.deadline =
                watchdog.schedule(() -> stop(Stop.DEADLINE), deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        this.cancelled = cancellation;
        // the canceller may be an event loop: the abort itself runs on the watchdog's thread
        this.cancellation = cancellation.onCancel(() -> watchdog.execute(() -> stop(Stop.CANCELLED)));
    }

    /** Takes what the snapshot's first query said. */
    void began(Start start) {
        this.start = start;
    }

    @Override
    public Optional<FeedState> feedState() {
        return Optional.of(new FeedState(start.horizon(), start.cluster(), 0, start.now(), Duration.ZERO));
    }

    @Override
    public FeedState state() {
        ensureOpen();
        if (feedState == null) {
            try (PreparedStatement statement = connection.prepareStatement(FEED_STATE);
                    ResultSet row = statement.executeQuery()) {
                row.next();
                double lagSeconds = row.getDouble(2);
                feedState = new FeedState(
                        start.horizon(),
                        start.cluster(),
                        Long.parseLong(row.getString(1)),
                        start.now(),
                        Duration.ofMillis(Math.round(Math.max(0, lagSeconds) * 1000)));
            } catch (SQLException e) {
                throw translate(e);
            } catch (ExportException e) {
                throw stopped != null ? translate(e) : e;
            }
        }
        return feedState;
    }

    @Override
    public ChangePage read(ChangeQuery query, ChangeConsumer consumer) throws IOException {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(consumer, "consumer");
        ensureOpen();
        ChangeSql sql = ChangeSql.of(scope, query);
        SelectList columns = SelectList.ofChanges(sql.table(), query.fields());
        int limit = query.limit();
        BinaryCopy copy = null;
        try {
            sql.values().bind(connection, settings.statementTimeout().toMillis());
            copy = BinaryCopy.start(connection, sql.page(columns, limit + 1), columns);
            CopyRow row = copy.row();
            int given = 0;
            long lastStamp = 0;
            UUID lastId = null;
            boolean more = false;
            while (copy.next()) {
                if (given == limit) {
                    more = true; // the one entry past the limit: the copy ends after it
                    continue;
                }
                row.validate();
                try {
                    Instant deletedAt = row.deletedAt();
                    lastStamp = row.stamp();
                    lastId = row.id();
                    if (deletedAt == null) {
                        consumer.upsert(lastStamp, row);
                    } else {
                        consumer.delete(lastStamp, lastId, deletedAt);
                    }
                } finally {
                    row.invalidate();
                }
                given++;
            }
            // drained: every entry after the position and below the horizon was given, so the feed goes on from
            // the horizon; a position at or past it (a standby behind the primary that issued the cursor) stays
            FeedPosition next = more
                    ? FeedPosition.after(lastStamp, lastId)
                    : query.after().stamp() < query.horizon() ? FeedPosition.from(query.horizon()) : query.after();
            return new ChangePage(given, more, next);
        } catch (SQLException e) {
            throw translate(e);
        } catch (ExportException e) {
            throw stopped != null ? translate(e) : e;
        } finally {
            if (copy != null && copy.isActive()) {
                stop(Stop.BROKEN);
            }
        }
    }

    @Override
    public PageSummary read(ResourceQuery query, RowConsumer consumer) throws IOException {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(consumer, "consumer");
        ensureOpen();
        ResourceSql sql = ResourceSql.of(scope, query);
        SelectList columns = SelectList.of(sql.table(), query.fields());
        int limit = query.limit();
        // one row past the limit tells whether more rows match; the rows stream in (BinaryCopy), so that what this
        // holds of them is one row, whatever their number and size
        // a search no index serves gets its own, smaller budget: on a large team it reads the team end to end
        Duration budget = sql.unindexedSearch() ? settings.searchBudget() : settings.statementTimeout();
        BinaryCopy copy = null;
        try {
            sql.values().bind(connection, budget.toMillis());
            copy = BinaryCopy.start(connection, sql.rows(columns, limit + 1), columns);
            CopyRow row = copy.row();
            int given = 0;
            Instant lastCreatedAt = null;
            UUID lastId = null;
            boolean more = false;
            while (copy.next()) {
                if (given == limit) {
                    more = true; // the one row past the limit: the copy ends after it
                    continue;
                }
                row.validate();
                try {
                    consumer.accept(row);
                } finally {
                    row.invalidate();
                }
                given++;
                if (given == limit) {
                    lastCreatedAt = row.createdAt();
                    lastId = row.id();
                }
            }
            return more
                    ? new PageSummary(given, true, Optional.of(new Cursor(query.type(), lastCreatedAt, lastId)))
                    : new PageSummary(given, false, Optional.empty());
        } catch (SQLException e) {
            if (sql.unindexedSearch() && stopped == null && SqlErrors.QUERY_CANCELED.equals(e.getSQLState())) {
                throw new SearchTooBroadException(query.type().wireName(), budget, e);
            }
            throw translate(e);
        } catch (ExportException e) {
            throw stopped != null ? translate(e) : e;
        } finally {
            if (copy != null && copy.isActive()) {
                // left in the middle of the copy (the consumer failed): the connection is dropped, never reused
                stop(Stop.BROKEN);
            }
        }
    }

    @Override
    public List<CustomFieldDefinition> customFields(ResourceType type) {
        Objects.requireNonNull(type, "type");
        ensureOpen();
        if (!type.hasCustomFields()) {
            return List.of();
        }
        List<CustomFieldDefinition> definitions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CUSTOM_FIELDS)) {
            statement.setObject(1, scope.team().value());
            statement.setString(2, type.wireName());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String kind = rows.getString(3);
                    definitions.add(new CustomFieldDefinition(
                            rows.getString(1),
                            rows.getString(2),
                            CustomFieldKind.fromWireName(kind)
                                    .orElseThrow(() -> new IllegalStateException(
                                            "custom field kind " + kind + " is not known here")),
                            rows.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        } catch (ExportException e) {
            throw stopped != null ? translate(e) : e;
        }
        return List.copyOf(definitions);
    }

    /** A team's custom fields of one type (both modes share them), in position order. */
    private static final String CUSTOM_FIELDS = "SELECT key, label, kind, position FROM custom_field_definitions"
            + " WHERE team_id = ? AND resource = ? ORDER BY position, key";

    /** What a failure of this snapshot's connection means: the deadline or the cancellation, when it was stopped. */
    RuntimeException translate(Exception e) {
        Stop why = stopped;
        if (why == Stop.DEADLINE) {
            return SqlErrors.deadlinePassed(e);
        }
        if (why == Stop.CANCELLED) {
            return SqlErrors.cancelled(e);
        }
        return e instanceof SQLException sql ? SqlErrors.translate(sql) : (RuntimeException) e;
    }

    /**
     * Aborts the connection, unless the snapshot is closed or stopped already: from the watchdog's thread (the
     * deadline, the cancellation), or from the reading thread for a read left in the middle of its copy, after which
     * {@link #close()} gives the pool a connection it discards.
     */
    private void stop(Stop why) {
        synchronized (lock) {
            if (closed || stopped != null) {
                return;
            }
            stopped = why;
            try {
                physical(connection).abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                try {
                    // a close too: a rollback on a connection still in its copy would wait for the copy forever
                    physical(connection).close();
                } catch (SQLException | RuntimeException alsoFailing) {
                    // the connection is failing anyway: the reading thread gets its error
                }
            }
        }
    }

    /** The driver's own connection: a pool's wrapper may only detach itself on abort, leaving the socket open. */
    private static Connection physical(Connection connection) throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            return (Connection) connection.unwrap(PGConnection.class);
        }
        return connection;
    }

    /** Ends the transaction (nothing was written: rolled back) and gives the connection back. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        deadline.cancel(false);
        cancellation.close();
        try {
            // on an aborted connection this fails, which tells the pool to discard the connection
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is broken or already gone: closing it below is all that is left to do
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing more can be done with a connection that cannot even be closed
            } finally {
                onClose.run();
            }
        }
    }

    private void ensureOpen() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the snapshot is closed");
            }
        }
        if (cancelled.isCancelled()) {
            stop(Stop.CANCELLED);
        }
        if (stopped == Stop.BROKEN) {
            throw new IllegalStateException(
                    "a read of this snapshot stopped in the middle of its rows: it reads no more");
        }
        if (stopped != null) {
            throw translate(new SQLException("the snapshot was stopped"));
        }
    }
}
