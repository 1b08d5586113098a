package com.helpdesk.export.demo;

import static com.helpdesk.export.demo.DemoDataset.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import com.helpdesk.export.persistence.jdbc.testsupport.TestSql;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DemoDatasetTest {

    private static final List<String> TABLES = List.of(
            "teams", "members", "api_keys", "custom_field_definitions", "customers", "tickets", "articles", "messages");

    @Test
    void holdsTheRowsItPromises() throws SQLException {
        DataSource demo = TestPostgres.demoDatabase();

        assertThat(count(demo, "tickets", DEMO_TEAM_ID, "live"))
                .isEqualTo(DEMO_LIVE_TICKETS)
                .isGreaterThanOrEqualTo(25_000);
        assertThat(count(demo, "tickets", DEMO_TEAM_ID, "test"))
                .isEqualTo(DEMO_TEST_TICKETS)
                .isGreaterThanOrEqualTo(1_000);
        assertThat(count(demo, "customers", DEMO_TEAM_ID, "live"))
                .isEqualTo(DEMO_LIVE_CUSTOMERS)
                .isGreaterThanOrEqualTo(1_000);
        assertThat(count(demo, "customers", DEMO_TEAM_ID, "test")).isEqualTo(DEMO_TEST_CUSTOMERS);
        assertThat(count(demo, "articles", DEMO_TEAM_ID, "live"))
                .isEqualTo(DEMO_LIVE_ARTICLES)
                .isGreaterThanOrEqualTo(100);
        assertThat(count(demo, "articles", DEMO_TEAM_ID, "test")).isEqualTo(DEMO_TEST_ARTICLES);
        assertThat(count(demo, "tickets", OTHER_TEAM_ID, "live"))
                .isEqualTo(OTHER_LIVE_TICKETS)
                .isPositive();
        assertThat(count(demo, "tickets", OTHER_TEAM_ID, "test"))
                .isEqualTo(OTHER_TEST_TICKETS)
                .isPositive();
        assertThat(count(demo, "customers", OTHER_TEAM_ID, "live")).isEqualTo(OTHER_LIVE_CUSTOMERS);
        assertThat(count(demo, "customers", OTHER_TEAM_ID, "test")).isEqualTo(OTHER_TEST_CUSTOMERS);
        assertThat(count(demo, "articles", OTHER_TEAM_ID, "live")).isEqualTo(OTHER_LIVE_ARTICLES);
        assertThat(count(demo, "articles", OTHER_TEAM_ID, "test")).isEqualTo(OTHER_TEST_ARTICLES);
        assertThat(strings(demo, "SELECT DISTINCT role FROM members ORDER BY role"))
                .containsExactly("admin", "agent", "librarian", "manager", "owner", "spectator");
        assertThat(strings(demo, "SELECT count(*) > 2 * (SELECT count(*) FROM tickets) FROM messages"))
                .as("messages are the most numerous type")
                .containsExactly("t");
        assertThat(
                        strings(
                                demo,
                                "SELECT count(*) FROM tickets t LEFT JOIN (SELECT ticket_id, count(*) AS n "
                                        + "FROM messages GROUP BY ticket_id) m ON m.ticket_id = t.id WHERE t.message_count <> coalesce(m.n, 0)"))
                .as("message counts are the messages")
                .containsExactly("0");
    }

    /** Every index and constraint of the public schema, with its definition and whether it is valid. */
    private static final String SCHEMA_OBJECTS = """
            SELECT 'index ' || i.indexrelid::regclass || ' ' || pg_get_indexdef(i.indexrelid) || ' valid '
                       || i.indisvalid
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public'
            UNION ALL
            SELECT 'constraint ' || c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
                       || ' validated ' || c.convalidated
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = 'public'
            ORDER BY 1
            """;

    @Test
    void leavesTheSchemaAsTheMigrationsMadeIt() throws SQLException {
        // the load takes the bulk tables' secondary indexes and foreign keys away while it inserts, and puts them back
        List<String> migrated = strings(TestPostgres.migratedDatabase(), SCHEMA_OBJECTS);
        List<String> loaded = strings(TestPostgres.demoDatabase(), SCHEMA_OBJECTS);

        assertThat(migrated)
                .as("the schema has the objects the load takes away and puts back")
                .anySatisfy(o -> assertThat(o).startsWith("index tickets_title_trgm_idx "))
                .anySatisfy(o -> assertThat(o).startsWith("constraint messages messages_ticket_fkey FOREIGN KEY"));
        assertThat(loaded).containsExactlyElementsOf(migrated);
    }

    @Test
    void refusesADatabaseThatHoldsTeamsOfItsOwnAndLeavesItAsItWas() throws SQLException {
        DataSource real = TestPostgres.migratedDatabase();
        try (Connection connection = real.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("INSERT INTO teams (id, name) VALUES (?, ?)")) {
            statement.setObject(1, UUID.fromString("c0ffee00-0000-4000-8000-000000000001"));
            statement.setString(2, "A real customer");
            statement.executeUpdate();
        }
        assertThatThrownBy(() -> DemoLoader.load(real))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 team(s) of its own")
                .hasMessageContaining("public");
        assertThat(strings(real, "SELECT name FROM teams")).containsExactly("A real customer");
        assertThat(strings(real, "SELECT count(*)::text FROM api_keys")).containsExactly("0");
    }

    @Test
    void holdsTheAwkwardValuesAnExportMustSurvive() throws SQLException {
        DataSource demo = TestPostgres.demoDatabase();
        Map<String, String> mustExist = new LinkedHashMap<>();
        mustExist.put("comma in a title", "SELECT 1 FROM tickets WHERE title LIKE '%,%'");
        mustExist.put("double quote in a title", "SELECT 1 FROM tickets WHERE title LIKE '%\"%'");
        mustExist.put("CR/LF in a title", "SELECT 1 FROM tickets WHERE strpos(title, chr(13) || chr(10)) > 0");
        mustExist.put("bare CR in a title", "SELECT 1 FROM tickets WHERE title ~ '\\r[^\\n]'");
        mustExist.put("LF in notes", "SELECT 1 FROM tickets WHERE strpos(notes, chr(10)) > 0");
        mustExist.put("é", "SELECT 1 FROM tickets WHERE title LIKE '%é%'");
        mustExist.put("ü", "SELECT 1 FROM tickets WHERE title LIKE '%ü%'");
        mustExist.put("日本語", "SELECT 1 FROM tickets WHERE title LIKE '%日本語%'");
        mustExist.put("emoji", "SELECT 1 FROM tickets WHERE title LIKE '%🎉%'");
        mustExist.put(
                "LIKE wildcards",
                "SELECT 1 FROM tickets WHERE strpos(title, '%') > 0 AND strpos(title, '_') > 0 "
                        + "AND strpos(title, '\\') > 0");
        for (String start : List.of("=", "+", "-", "@", "chr(9)")) {
            String prefix = start.equals("chr(9)") ? "chr(9)" : "'" + start + "'";
            mustExist.put(
                    "ticket title starting with " + start, "SELECT 1 FROM tickets WHERE left(title, 1) = " + prefix);
            mustExist.put(
                    "customer name starting with " + start, "SELECT 1 FROM customers WHERE left(name, 1) = " + prefix);
        }
        mustExist.put("article title starting with =", "SELECT 1 FROM articles WHERE left(title, 1) = '='");
        mustExist.put("formula-like tag", "SELECT 1 FROM tickets WHERE '=cmd' = ANY (tags)");
        mustExist.put("tag with comma and quote", "SELECT 1 FROM tickets WHERE tags @> ARRAY['a,b', 'say\"hi\"']");
        mustExist.put("empty tags", "SELECT 1 FROM tickets WHERE tags = '{}'");
        mustExist.put("null assigned_to", "SELECT 1 FROM tickets WHERE assigned_to IS NULL");
        mustExist.put("null customer_id", "SELECT 1 FROM tickets WHERE customer_id IS NULL");
        mustExist.put("null resolved_at", "SELECT 1 FROM tickets WHERE resolved_at IS NULL");
        mustExist.put("null notes", "SELECT 1 FROM tickets WHERE notes IS NULL");
        mustExist.put("null email", "SELECT 1 FROM customers WHERE email IS NULL");
        mustExist.put("null published_at", "SELECT 1 FROM articles WHERE published_at IS NULL");
        mustExist.put("null category", "SELECT 1 FROM articles WHERE category IS NULL");
        mustExist.put("comma in a category", "SELECT 1 FROM articles WHERE category LIKE '%,%'");
        for (String table : List.of("tickets", "customers", "articles", "messages")) {
            mustExist.put(
                    table + " sharing created_at",
                    "SELECT 1 FROM " + table + " GROUP BY team_id, mode, created_at HAVING count(*) > 1");
        }
        mustExist.put(
                "members sharing created_at",
                "SELECT 1 FROM members GROUP BY team_id, created_at " + "HAVING count(*) > 1");
        for (String kind : List.of("text", "number", "boolean", "date", "select")) {
            for (String resource : List.of("tickets", "customers")) {
                mustExist.put(
                        resource + " custom field of kind " + kind,
                        "SELECT 1 FROM custom_field_definitions " + "WHERE resource = '" + resource + "' AND kind = '"
                                + kind + "'");
                mustExist.put(
                        resource + " with a value of kind " + kind + " and some without",
                        "SELECT 1 FROM "
                                + resource
                                + " r JOIN custom_field_definitions d ON d.team_id = r.team_id AND d.resource = '"
                                + resource + "' AND d.kind = '" + kind
                                + "' GROUP BY d.key HAVING bool_or(jsonb_exists(r.custom_fields, d.key))"
                                + " AND bool_or(NOT jsonb_exists(r.custom_fields, d.key))");
            }
        }
        mustExist.put(
                "formula-like custom text", "SELECT 1 FROM tickets WHERE left(custom_fields ->> 'order_ref', 1) = '='");
        mustExist.put(
                "negative custom number",
                "SELECT 1 FROM customers WHERE (custom_fields ->> 'lifetime_value')::numeric < 0");
        mustExist.put("metadata on some tickets", "SELECT 1 FROM tickets WHERE metadata <> '{}'");
        mustExist.put("no metadata on some tickets", "SELECT 1 FROM tickets WHERE metadata = '{}'");
        mustExist.put("metadata on some customers", "SELECT 1 FROM customers WHERE metadata <> '{}'");
        mustExist.put("phone starting with +", "SELECT 1 FROM customers WHERE left(phone, 1) = '+'");
        mustExist.put("slug and SEO texts", "SELECT 1 FROM articles WHERE slug IS NOT NULL AND seo_title LIKE '=%'");
        mustExist.put(
                "ticket deadlines",
                "SELECT 1 FROM tickets WHERE response_deadline IS NOT NULL " + "AND resolution_deadline IS NULL");
        mustExist.put("several messages on a ticket", "SELECT 1 FROM tickets WHERE message_count >= 4");
        mustExist.put("a ticket with one message", "SELECT 1 FROM tickets WHERE message_count = 1");
        for (String sender : List.of("agent", "customer", "system")) {
            mustExist.put("message from " + sender, "SELECT 1 FROM messages WHERE sender = '" + sender + "'");
        }
        mustExist.put("internal note", "SELECT 1 FROM messages WHERE is_internal");
        mustExist.put(
                "system message without a name",
                "SELECT 1 FROM messages WHERE sender = 'system' " + "AND sender_name IS NULL");
        for (String start : List.of("=", "+", "-", "@", "chr(9)")) {
            String prefix = start.equals("chr(9)") ? "chr(9)" : "'" + start + "'";
            mustExist.put(
                    "message starting with " + start, "SELECT 1 FROM messages WHERE left(content, 1) = " + prefix);
        }
        mustExist.put(
                "message with CR/LF, comma and quote",
                "SELECT 1 FROM messages WHERE strpos(content, chr(13) "
                        + "|| chr(10)) > 0 AND content LIKE '%,%' AND content LIKE '%\"%'");
        mustExist.put("non-ASCII message", "SELECT 1 FROM messages WHERE content LIKE '%日本語%'");
        mustExist.put("messages in test mode", "SELECT 1 FROM messages WHERE mode = 'test'");
        for (String status : List.of("new", "open", "pending", "resolved", "closed")) {
            mustExist.put("ticket status " + status, "SELECT 1 FROM tickets WHERE status = '" + status + "'");
        }
        for (String priority : List.of("low", "normal", "high", "urgent")) {
            mustExist.put("ticket priority " + priority, "SELECT 1 FROM tickets WHERE priority = '" + priority + "'");
        }
        for (String sentiment : List.of("positive", "neutral", "negative")) {
            mustExist.put("sentiment " + sentiment, "SELECT 1 FROM customers WHERE sentiment = '" + sentiment + "'");
        }
        for (String status : List.of("draft", "published", "archived")) {
            mustExist.put("article status " + status, "SELECT 1 FROM articles WHERE status = '" + status + "'");
        }

        List<String> missing = new ArrayList<>();
        try (Connection connection = demo.getConnection()) {
            for (Map.Entry<String, String> check : mustExist.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(check.getValue() + " LIMIT 1");
                        ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        missing.add(check.getKey());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void isDeterministicAcrossLoadsIntoFreshDatabases() throws SQLException {
        DataSource first = TestPostgres.migratedDatabase();
        DataSource second = TestPostgres.migratedDatabase();
        DemoLoader.load(first);
        DemoLoader.load(second);

        for (String table : TABLES) {
            assertThat(checksum(second, table)).as(table).isEqualTo(checksum(first, table));
            assertThat(checksum(TestPostgres.demoDatabase(), table)).as(table).isEqualTo(checksum(first, table));
        }
    }

    @Test
    void loadingTwiceIsANoOp() throws SQLException {
        DataSource dataSource = TestPostgres.migratedDatabase();
        assertThat(DemoLoader.isLoaded(dataSource)).isFalse();

        DemoLoader.load(dataSource);
        String before = checksum(dataSource, "tickets");
        DemoLoader.load(dataSource);

        assertThat(DemoLoader.isLoaded(dataSource)).isTrue();
        assertThat(checksum(dataSource, "tickets")).isEqualTo(before);
        assertThat(count(dataSource, "tickets", DEMO_TEAM_ID, "live")).isEqualTo(DEMO_LIVE_TICKETS);
    }

    @Test
    void needsTheSchema() {
        DataSource empty = TestPostgres.emptyDatabase();

        assertThat(DemoLoader.isLoaded(empty)).isFalse();
        assertThatThrownBy(() -> DemoLoader.load(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("migrate");
    }

    @Test
    void theDemoKeysAreWellFormedDistinctAndDescribed() throws IllegalAccessException {
        List<String> keys = new ArrayList<>();
        for (Field field : DemoDataset.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_KEY")) {
                keys.add((String) field.get(null));
            }
        }
        assertThat(keys).hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates().allSatisfy(key -> {
            assertThat(key).matches("(sk|pk)_(live|test)_[A-Za-z0-9]{24,128}");
            assertThat(ApiKey.parse(key).reveal()).isEqualTo(key);
        });
        assertThat(keys.stream().map(key -> key.substring(0, ApiKey.DISPLAY_PREFIX_LENGTH)))
                .doesNotHaveDuplicates();
        assertThat(DemoDataset.describe())
                .contains(DEMO_TEAM_ID.toString(), OTHER_TEAM_ID.toString())
                .contains(keys);
    }

    private static long count(DataSource dataSource, String table, UUID team, String mode) throws SQLException {
        return TestSql.count(
                dataSource, "SELECT count(*) FROM " + table + " WHERE team_id = ? AND mode = ?", team, mode);
    }

    private static String checksum(DataSource dataSource, String table) throws SQLException {
        List<String> sums = strings(
                dataSource,
                // the change stamp is the id of the loading transaction, which differs from one database to another
                "SELECT count(*) || ':' || md5(string_agg(r, '|' ORDER BY r)) FROM (SELECT (to_jsonb(t) - "
                        + "'change_stamp')::text AS r FROM " + table + " t) AS rows");
        return sums.get(0);
    }

    private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
