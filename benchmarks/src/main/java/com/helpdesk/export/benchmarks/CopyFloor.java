package com.helpdesk.export.benchmarks;

import com.helpdesk.export.persistence.jdbc.demo.DemoDataset;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The floor: the same rows as the export of 10,000 live tickets of the demo team (same columns, same filter, same
 * order, same limit) handed over by PostgreSQL itself with {@code COPY … TO STDOUT}, through pgjdbc's
 * {@link CopyManager} on one open connection (as the service keeps pooled ones).
 */
final class CopyFloor implements Closeable {

    /** The columns of the tickets export, in the contract's order, under their field names. */
    static final String TICKET_COLUMNS = "id, title, status, priority, customer_id AS \"customerId\", "
            + "assigned_to AS \"assignedTo\", tags, notes, message_count AS \"messageCount\", "
            + "created_at AS \"createdAt\", updated_at AS \"updatedAt\", resolved_at AS \"resolvedAt\"";

    static String ticketsSelect(int limit) {
        return "SELECT " + TICKET_COLUMNS + " FROM tickets WHERE team_id = '" + DemoDataset.DEMO_TEAM_ID
                + "' AND mode = 'live' ORDER BY created_at, id LIMIT " + limit;
    }

    /** CSV with a header row, as the CSV export. */
    static String csvCopy(int limit) {
        return "COPY (" + ticketsSelect(limit) + ") TO STDOUT WITH (FORMAT csv, HEADER)";
    }

    /** One JSON object per row ({@code row_to_json}), as the records of the JSON export. */
    static String jsonCopy(int limit) {
        return "COPY (SELECT row_to_json(t) FROM (" + ticketsSelect(limit) + ") AS t) TO STDOUT";
    }

    private final Connection connection;
    private final CopyManager copy;

    CopyFloor(String jdbcUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "helpdesk-export-copy-floor");
        connection = DriverManager.getConnection(jdbcUrl, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
        }
        copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /** Runs one COPY to a discarding sink and answers the bytes it gave. */
    long run(String copySql) throws SQLException, IOException {
        ByteSink sink = new ByteSink();
        copy.copyOut(copySql, sink);
        return sink.bytes;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
