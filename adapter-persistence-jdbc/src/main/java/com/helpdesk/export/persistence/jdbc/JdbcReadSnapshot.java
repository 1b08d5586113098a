package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.port.PageSummary;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceQuery;
import com.helpdesk.export.domain.port.RowConsumer;
import org.postgresql.PGStatement;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One read-only, repeatable-read transaction on one connection: every query of the snapshot sees the data as it
 * was when the transaction took its snapshot (when it was opened). Not thread-safe.
 */
final class JdbcReadSnapshot implements ReadSnapshot {

    private final Connection connection;
    private final boolean restoreAutoCommit;
    private final Scope scope;
    private final int fetchSize;
    private boolean closed;

    JdbcReadSnapshot(Connection connection, boolean restoreAutoCommit, Scope scope, int fetchSize) {
        this.connection = connection;
        this.restoreAutoCommit = restoreAutoCommit;
        this.scope = scope;
        this.fetchSize = fetchSize;
    }

    @Override
    public PageSummary summarize(ResourceQuery query) {
        Objects.requireNonNull(query, "query");
        ensureOpen();
        ResourceSql sql = ResourceSql.of(scope, query);
        int limit = query.limit();
        try {
            try (PreparedStatement statement = sql.edge(limit).prepare(connection);
                 ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    OffsetDateTime lastCreatedAt = rows.getObject(1, OffsetDateTime.class);
                    UUID lastId = rows.getObject(2, UUID.class);
                    if (rows.next()) {
                        Cursor next = new Cursor(query.type(), lastCreatedAt.toInstant(), lastId);
                        return new PageSummary(limit, true, Optional.of(next));
                    }
                    return new PageSummary(limit, false, Optional.empty());
                }
            }
            try (PreparedStatement statement = sql.boundedCount(limit).prepare(connection);
                 ResultSet count = statement.executeQuery()) {
                count.next();
                return new PageSummary(Math.toIntExact(count.getLong(1)), false, Optional.empty());
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public void stream(ResourceQuery query, RowConsumer consumer) throws IOException {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(consumer, "consumer");
        ensureOpen();
        ResourceSql sql = ResourceSql.of(scope, query);
        try (PreparedStatement statement = sql.rows(query.limit()).prepare(connection)) {
            // with autocommit off and a fetch size, pgjdbc reads through a server-side portal, fetchSize rows at
            // a time, instead of loading the whole result into memory
            statement.setFetchSize(fetchSize);
            receiveInBinary(statement);
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetRow row = new ResultSetRow(rows, sql.table());
                while (rows.next()) {
                    row.validate();
                    try {
                        consumer.accept(row);
                    } finally {
                        row.invalidate();
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

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

    /** Ends the transaction (nothing was written: rolled back) and gives the connection back. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.rollback();
            if (restoreAutoCommit) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // the connection is broken or already gone: closing it below is all that is left to do
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing more can be done with a connection that cannot even be closed
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the snapshot is closed");
        }
    }
}
