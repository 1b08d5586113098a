package com.helpdesk.export.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The demo team has 4,000 live customers and 300 live articles; for "three-resource 10,000-row exports" this copies
 * existing rows (new ids, times moved by seconds) until each of the two has 10,000, in the benchmark's own temporary
 * database. Running it again adds nothing.
 */
final class DemoTopUp {

    private DemoTopUp() {}

    static void topUp(String jdbc, String user, String password) throws SQLException {
        String customers = """
                INSERT INTO customers (id, team_id, mode, name, email, status, sentiment, tags, notes, ticket_count,
                                       created_at, updated_at)
                SELECT md5('bench-copy-' || g || '-' || c.id)::uuid, c.team_id, c.mode, c.name, c.email, c.status,
                       c.sentiment, c.tags, c.notes, c.ticket_count, c.created_at + g * interval '1 second',
                       c.updated_at + g * interval '1 second'
                FROM customers c CROSS JOIN generate_series(1, 3) AS g
                WHERE c.team_id = '%1$s' AND c.mode = 'live'
                ORDER BY g, c.created_at, c.id
                LIMIT greatest(0, %2$d - (SELECT count(*) FROM customers WHERE team_id = '%1$s' AND mode = 'live'))
                """.formatted(BenchExport.TEAM, BenchExport.ROWS);
        String articles = """
                INSERT INTO articles (id, team_id, mode, title, content, category, status, is_public, tags, view_count,
                                      use_count, created_at, updated_at, published_at)
                SELECT md5('bench-copy-' || g || '-' || a.id)::uuid, a.team_id, a.mode, a.title, a.content, a.category,
                       a.status, a.is_public, a.tags, a.view_count, a.use_count, a.created_at + g * interval '1 second',
                       a.updated_at + g * interval '1 second', a.published_at + g * interval '1 second'
                FROM articles a CROSS JOIN generate_series(1, 40) AS g
                WHERE a.team_id = '%1$s' AND a.mode = 'live'
                ORDER BY g, a.created_at, a.id
                LIMIT greatest(0, %2$d - (SELECT count(*) FROM articles WHERE team_id = '%1$s' AND mode = 'live'))
                """.formatted(BenchExport.TEAM, BenchExport.ROWS);
        try (Connection connection = DriverManager.getConnection(jdbc, user, password);
                Statement statement = connection.createStatement()) {
            int addedCustomers = statement.executeUpdate(customers);
            int addedArticles = statement.executeUpdate(articles);
            statement.execute("ANALYZE customers");
            statement.execute("ANALYZE articles");
            System.out.printf(
                    Locale.ROOT,
                    "topped up the demo team's live rows to %,d customers and %,d articles "
                            + "(+%,d and +%,d copies)%n",
                    BenchExport.ROWS,
                    BenchExport.ROWS,
                    addedCustomers,
                    addedArticles);
        }
    }
}
