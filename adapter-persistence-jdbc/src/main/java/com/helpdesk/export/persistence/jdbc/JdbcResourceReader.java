package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceReader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@link ResourceReader} over PostgreSQL. Each snapshot holds one connection in a
 * {@code REPEATABLE READ, READ ONLY} transaction, so that every resource of an export is read from the same
 * moment; {@code statement_timeout} bounds each statement of it ({@code SET LOCAL}, so it ends with the
 * transaction and never leaks into a pooled connection). Rows are streamed through a server-side cursor in
 * (created_at, id) order, continued after a cursor by keyset ({@code (created_at, id) > (?, ?)}), and always
 * restricted to the snapshot's team and mode.
 */
public final class JdbcResourceReader implements ResourceReader {

    /** Rows fetched from the server per round trip while streaming. */
    static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final Duration statementTimeout;

    /**
     * @param statementTimeout the longest one statement of a snapshot may run; {@link Duration#ZERO} for none
     */
    public JdbcResourceReader(DataSource dataSource, Duration statementTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (statementTimeout.isNegative()) {
            throw new IllegalArgumentException("statementTimeout must not be negative");
        }
    }

    @Override
    public ReadSnapshot openSnapshot(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.connectionUnavailable(e);
        }
        boolean autoCommit = false;
        try {
            autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try (Statement statement = connection.createStatement()) {
                // the first statement of the transaction, before any query takes its snapshot
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try (PreparedStatement statement =
                         connection.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
                // set_config(..., true) is SET LOCAL with a bound value; this first query also fixes the snapshot
                statement.setString(1, Long.toString(statementTimeout.toMillis()));
                statement.execute();
            }
            return new JdbcReadSnapshot(connection, autoCommit, scope, FETCH_SIZE);
        } catch (SQLException e) {
            new JdbcReadSnapshot(connection, autoCommit, scope, FETCH_SIZE).close();
            throw SqlErrors.translate(e);
        } catch (RuntimeException e) {
            new JdbcReadSnapshot(connection, autoCommit, scope, FETCH_SIZE).close();
            throw e;
        }
    }
}
