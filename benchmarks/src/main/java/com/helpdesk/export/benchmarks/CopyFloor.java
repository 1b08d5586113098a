package com.helpdesk.export.benchmarks;

import com.helpdesk.export.demo.DemoDataset;
import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The floor: the same rows as the export of 10,000 live rows of one type of the demo team (same columns, same
 * filter, same order, same limit; or, for the five-resource export, up to 10,000 of each type) handed over by
 * PostgreSQL itself with {@code COPY … TO STDOUT}, through pgjdbc's
 * {@link CopyManager} on one open connection (as the service keeps pooled ones).
 */
final class CopyFloor implements Closeable {

    /**
     * The columns of each type's export, in the contract's order, under their field names, as the service reads them:
     * tickets and customers with the demo team's custom fields (one column each, as the CSV has them), a message's
     * author as its public id.
     */
    static final Map<String, String> COLUMNS = Map.of(
            "tickets",
                    "id, title, status, priority, customer_id AS \"customerId\", assigned_to AS \"assignedTo\", "
                            + "tags, notes, message_count AS \"messageCount\", response_deadline AS \"responseDeadline\", "
                            + "resolution_deadline AS \"resolutionDeadline\", created_at AS \"createdAt\", "
                            + "updated_at AS \"updatedAt\", resolved_at AS \"resolvedAt\", metadata, "
                            + "custom_fields ->> 'plan' AS \"customFields.plan\", "
                            + "custom_fields ->> 'order_ref' AS \"customFields.order_ref\", "
                            + "(custom_fields -> 'amount')::numeric AS \"customFields.amount\", "
                            + "(custom_fields -> 'is_vip')::boolean AS \"customFields.is_vip\", "
                            + "custom_fields ->> 'due_on' AS \"customFields.due_on\"",
            "customers",
                    "id, name, email, phone, status, sentiment, tags, notes, ticket_count AS \"ticketCount\", "
                            + "created_at AS \"createdAt\", updated_at AS \"updatedAt\", metadata, "
                            + "custom_fields ->> 'account_tier' AS \"customFields.account_tier\", "
                            + "custom_fields ->> 'crm_note' AS \"customFields.crm_note\", "
                            + "(custom_fields -> 'lifetime_value')::numeric AS \"customFields.lifetime_value\", "
                            + "(custom_fields -> 'newsletter')::boolean AS \"customFields.newsletter\", "
                            + "custom_fields ->> 'birthday' AS \"customFields.birthday\"",
            "articles",
                    "id, title, slug, content, category, status, is_public AS \"isPublic\", tags, "
                            + "seo_title AS \"seoTitle\", seo_description AS \"seoDescription\", view_count AS \"viewCount\", "
                            + "use_count AS \"useCount\", created_at AS \"createdAt\", updated_at AS \"updatedAt\", "
                            + "published_at AS \"publishedAt\"",
            "messages",
                    "id, ticket_id AS \"ticketId\", sender, CASE sender WHEN 'agent' THEN 'mem_' || "
                            + "replace(author_member_id::text, '-', '') WHEN 'customer' THEN 'cus_' || "
                            + "replace(author_customer_id::text, '-', '') END AS \"authorId\", sender_name AS \"senderName\", "
                            + "is_internal AS \"isInternal\", content, created_at AS \"createdAt\"",
            "members", "id, name, email, role, created_at AS \"createdAt\"");

    /** The five types, in the order of the five-resource export. */
    static final List<String> FIVE = List.of("tickets", "customers", "articles", "messages", "members");

    static String select(String type, int limit) {
        return "SELECT " + COLUMNS.get(type) + " FROM " + type + " WHERE team_id = '" + DemoDataset.DEMO_TEAM_ID
                + "'" + (type.equals("members") ? "" : " AND mode = 'live'") + " ORDER BY created_at, id LIMIT "
                + limit;
    }

    /** CSV with a header row, as the CSV export. */
    static String csvCopy(String type, int limit) {
        return "COPY (" + select(type, limit) + ") TO STDOUT WITH (FORMAT csv, HEADER)";
    }

    /** One JSON object per row ({@code row_to_json}), as the records of the JSON export. */
    static String jsonCopy(String type, int limit) {
        return "COPY (SELECT row_to_json(t) FROM (" + select(type, limit) + ") AS t) TO STDOUT";
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

    /** Runs several COPYs, one after the other, in one repeatable-read transaction (as one export snapshot). */
    long run(List<String> copySql) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            long bytes = 0;
            for (String sql : copySql) {
                bytes += run(sql);
            }
            return bytes;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
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
