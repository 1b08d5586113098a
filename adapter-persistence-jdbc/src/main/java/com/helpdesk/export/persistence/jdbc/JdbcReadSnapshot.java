package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.port.PageSummary;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceQuery;
import com.helpdesk.export.domain.port.RowConsumer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.postgresql.PGStatement;

/**
 * One read-only, repeatable-read transaction on one connection: every query of the snapshot sees the data as it
 * was when the transaction took its snapshot (when it was opened). Not thread-safe, except that it may be stopped
 * from another thread: when its deadline passes or its export is cancelled, the connection is aborted (its socket
 * closed), which ends a statement however it is blocked; the statement then fails with the reason.
 */
final class JdbcReadSnapshot implements ReadSnapshot {

    /** Why a snapshot was stopped from outside. */
    private enum Stop {
        DEADLINE,
        CANCELLED
    }

    private final Connection connection;
    private final Scope scope;
    private final ReaderSettings settings;
    private final ScheduledExecutorService watchdog;
    private final Runnable onClose;
    private final ScheduledFuture<?> deadline;
    private final Cancellation.Registration cancellation;
    /** Guards {@link #closed} and {@link #stopped} between the reading thread, the watchdog and the canceller. */
    private final Object lock = new Object();

    private boolean closed;
    private volatile Stop stopped;

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
        // the canceller may be an event loop: the abort itself runs on the watchdog's thread
        this.cancellation = cancellation.onCancel(() -> watchdog.execute(() -> stop(Stop.CANCELLED)));
    }

    @Override
    public PageSummary read(ResourceQuery query, RowConsumer consumer) throws IOException {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(consumer, "consumer");
        ensureOpen();
        ResourceSql sql = ResourceSql.of(scope, query);
        SelectList columns = SelectList.of(sql.table(), query.fields());
        int limit = query.limit();
        // one row past the limit tells whether more rows match
        try (PreparedStatement statement = sql.rows(columns, limit + 1).prepare(connection)) {
            // with autocommit off and a fetch size, pgjdbc reads through a server-side portal, a fetch at a time
            // (exactly that many rows, fewer only at the end), instead of loading the whole result into memory; each
            // fetch is sized by the bytes of the rows it would take, which the last row of the fetch before reports
            // (SelectList)
            int fetchRows = 1; // until the first row says what the rows after it take
            int leftInFetch = fetchRows;
            statement.setFetchSize(fetchRows);
            receiveInBinary(statement);
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetRow row = new ResultSetRow(rows, columns);
                long[] ahead = new long[SelectList.AHEAD.length];
                int given = 0;
                Instant lastCreatedAt = null;
                UUID lastId = null;
                boolean more = false;
                while (rows.next()) {
                    if (given == limit) {
                        more = true;
                        break;
                    }
                    if (--leftInFetch == 0) {
                        // the last row the driver holds: before the next row is asked for, the next fetch's size
                        for (int i = 0; i < ahead.length; i++) {
                            ahead[i] = rows.getLong(SelectList.FIRST_AHEAD_COLUMN + i);
                        }
                        int next = settings.fetchRows(ahead);
                        if (next != fetchRows) {
                            fetchRows = next;
                            rows.setFetchSize(fetchRows);
                        }
                        leftInFetch = fetchRows;
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
            }
        } catch (SQLException e) {
            throw translate(e);
        } catch (ExportException e) {
            throw stopped != null ? translate(e) : e;
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

    /**
     * Asks pgjdbc for the rows in PostgreSQL's binary format from the statement's first run (by default it switches
     * only at the fifth run of a statement on a connection): times, ids and tags then arrive as bytes that the driver
     * decodes without parsing text, which halves the cost of mapping a row (docs/performance.md). The values are
     * the same in either format; a type pgjdbc has no binary decoder for stays text.
     */
    private static void receiveInBinary(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            // a negative threshold = prepare on the server at once and force binary results
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }

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

    /** From the watchdog's thread: aborts the connection, unless the snapshot is closed already. */
    private void stop(Stop why) {
        synchronized (lock) {
            if (closed || stopped != null) {
                return;
            }
            stopped = why;
            try {
                physical(connection).abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // the connection is failing anyway: the reading thread gets its error
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
        if (stopped != null) {
            throw translate(new SQLException("the snapshot was stopped"));
        }
    }
}
