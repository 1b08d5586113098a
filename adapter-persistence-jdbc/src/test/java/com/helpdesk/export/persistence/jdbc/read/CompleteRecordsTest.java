package com.helpdesk.export.persistence.jdbc.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.persistence.jdbc.SchemaMigrations;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Complete records in the database: the rules the schema holds (custom fields, metadata, messages and their
 * counts), snapshot consistency across the five types while others write, and the migration of the previous
 * schema's rows.
 */
class CompleteRecordsTest {

    private static final UUID TEAM = UUID.fromString("7a1b2c3d-0000-4000-8000-00000000aaaa");
    private static final UUID OTHER = UUID.fromString("7a1b2c3d-0000-4000-8000-00000000bbbb");
    private static final UUID AGENT = UUID.fromString("7a1b2c3d-0000-4000-8000-0000000000a1");
    private static final UUID OTHER_AGENT = UUID.fromString("7a1b2c3d-0000-4000-8000-0000000000b1");
    private static final UUID CUSTOMER = UUID.fromString("7a1b2c3d-0000-4000-8000-0000000000c1");
    private static final UUID TEST_CUSTOMER = UUID.fromString("7a1b2c3d-0000-4000-8000-0000000000c2");
    private static final UUID TICKET = UUID.fromString("7a1b2c3d-0000-4000-8000-0000000000f1");

    /** A team with one member, one live and one test customer, one live ticket, and custom fields of every kind. */
    private static DataSource fixture() throws SQLException {
        DataSource dataSource = TestPostgres.migratedDatabase();
        execute(
                dataSource,
                "INSERT INTO teams (id, name) VALUES ('" + TEAM + "', 't'), ('" + OTHER + "', 'o')",
                "INSERT INTO members (id, team_id, name, role) VALUES ('" + AGENT + "', '" + TEAM + "', 'Agent', "
                        + "'agent'), ('" + OTHER_AGENT + "', '" + OTHER + "', 'Other', 'agent')",
                "INSERT INTO customers (id, team_id, mode, name, status, sentiment, created_at, updated_at) VALUES "
                        + "('" + CUSTOMER + "', '" + TEAM + "', 'live', 'C', 'active', 'neutral', now(), now()), "
                        + "('" + TEST_CUSTOMER + "', '" + TEAM + "', 'test', 'T', 'active', 'neutral', now(), now())",
                "INSERT INTO custom_field_definitions (team_id, resource, key, label, kind, options, position) VALUES "
                        + "('" + TEAM + "', 'tickets', 'plan', 'Plan', 'select', '{gold,silver}', 0), "
                        + "('" + TEAM + "', 'tickets', 'due', 'Due', 'date', NULL, 1), "
                        + "('" + TEAM + "', 'tickets', 'amount', 'Amount', 'number', NULL, 2), "
                        + "('" + TEAM + "', 'tickets', 'vip', 'VIP', 'boolean', NULL, 3), "
                        + "('" + TEAM + "', 'tickets', 'note', 'Note', 'text', NULL, 4)",
                "INSERT INTO tickets (id, team_id, mode, title, status, priority, customer_id, created_at, "
                        + "updated_at) VALUES ('" + TICKET + "', '" + TEAM + "', 'live', 'x', 'open', 'low', '"
                        + CUSTOMER + "', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
        return dataSource;
    }

    private static String message(String sender, String member, String customer, boolean internal) {
        return "INSERT INTO messages (id, team_id, mode, ticket_id, sender, author_member_id, author_customer_id, "
                + "is_internal, content, created_at) VALUES (gen_random_uuid(), '" + TEAM + "', 'live', '" + TICKET
                + "', '" + sender + "', " + member + ", " + customer + ", " + internal + ", 'hi', now())";
    }

    @Nested
    class DatabaseRules {

        @Test
        void customFieldValuesMustBeDefinedAndOfTheirKind() throws SQLException {
            DataSource db = fixture();
            execute(
                    db,
                    "UPDATE tickets SET custom_fields = '{\"plan\": \"gold\", \"due\": \"2026-02-28\", "
                            + "\"amount\": -1.50, \"vip\": false, \"note\": \"=x\"}'");
            for (String wrong : List.of(
                    "{\"plan\": \"bronze\"}",
                    "{\"plan\": 1}",
                    "{\"due\": \"2026-02-30\"}",
                    "{\"due\": \"28.02.2026\"}",
                    "{\"amount\": \"12\"}",
                    "{\"vip\": \"true\"}",
                    "{\"note\": 3}",
                    "{\"note\": null}",
                    "{\"colour\": \"red\"}",
                    "[]",
                    "\"text\"")) {
                assertThatThrownBy(() -> execute(db, "UPDATE tickets SET custom_fields = '" + wrong + "'"))
                        .as(wrong)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e ->
                                assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
            }
            // another team's definitions do not count
            assertThatThrownBy(() -> execute(
                            db,
                            "INSERT INTO custom_field_definitions (team_id, resource, key, "
                                    + "label, kind, position) VALUES ('" + OTHER
                                    + "', 'customers', 'Bad-Key', 'x', 'text', 0)"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(
                            db,
                            "INSERT INTO custom_field_definitions (team_id, resource, key, "
                                    + "label, kind, position) VALUES ('" + OTHER
                                    + "', 'articles', 'ok', 'x', 'text', 0)"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(
                            db,
                            "INSERT INTO custom_field_definitions (team_id, resource, key, "
                                    + "label, kind, position) VALUES ('" + OTHER
                                    + "', 'tickets', 'ok', 'x', 'colour', 0)"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(
                            db,
                            "INSERT INTO custom_field_definitions (team_id, resource, key, "
                                    + "label, kind, position) VALUES ('" + OTHER
                                    + "', 'tickets', 'ok', 'x', 'select', 0)"))
                    .as("a select field needs options")
                    .isInstanceOf(SQLException.class);
        }

        @Test
        void aDefinitionKeepsItsKindAndTakesItsValuesAlongWhenDeleted() throws SQLException {
            DataSource db = fixture();
            execute(db, "UPDATE tickets SET custom_fields = '{\"plan\": \"gold\", \"due\": \"2026-02-28\"}'");
            assertThatThrownBy(() -> execute(db, "UPDATE custom_field_definitions SET kind = 'text' WHERE key = 'due'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("never change");
            assertThatThrownBy(() ->
                            execute(db, "UPDATE custom_field_definitions SET options = '{silver}' WHERE key = 'plan'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("outside its new options");
            execute(
                    db,
                    "UPDATE custom_field_definitions SET options = '{gold,silver,bronze}', label = 'Tier' "
                            + "WHERE key = 'plan'");
            execute(db, "DELETE FROM custom_field_definitions WHERE key = 'plan'");
            assertThat(text(db, "SELECT custom_fields::text FROM tickets")).isEqualTo("{\"due\": \"2026-02-28\"}");
        }

        @Test
        void metadataIsAnObjectOfAtMost16KiB() throws SQLException {
            DataSource db = fixture();
            execute(db, "UPDATE tickets SET metadata = jsonb_build_object('k', repeat('x', 16000))");
            assertThatThrownBy(() -> execute(
                            db, "UPDATE tickets SET metadata = jsonb_build_object('k', " + "repeat('x', 16400))"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(db, "UPDATE customers SET metadata = '[1]'"))
                    .isInstanceOf(SQLException.class);
        }

        @Test
        void aMessagesAuthorMatchesItsSenderAndItsTicketsTeamAndMode() throws SQLException {
            DataSource db = fixture();
            execute(
                    db,
                    message("agent", "'" + AGENT + "'", "NULL", true),
                    message("customer", "NULL", "'" + CUSTOMER + "'", false),
                    message("system", "NULL", "NULL", false));
            for (String wrong : List.of(
                    message("agent", "NULL", "NULL", false),
                    message("agent", "'" + AGENT + "'", "'" + CUSTOMER + "'", false),
                    message("customer", "'" + AGENT + "'", "NULL", false),
                    message("customer", "NULL", "'" + CUSTOMER + "'", true),
                    message("system", "'" + AGENT + "'", "NULL", false),
                    message("agent", "'" + OTHER_AGENT + "'", "NULL", false),
                    message("customer", "NULL", "'" + TEST_CUSTOMER + "'", false),
                    message("agent", "'" + AGENT + "'", "NULL", false).replace("'live'", "'test'"),
                    message("agent", "'" + AGENT + "'", "NULL", false).replace("'" + TEAM + "'", "'" + OTHER + "'"))) {
                assertThatThrownBy(() -> execute(db, wrong)).as(wrong).isInstanceOf(SQLException.class);
            }
        }

        @Test
        void theMessageCountFollowsTheMessagesAndNothingElseWritesIt() throws SQLException {
            DataSource db = fixture();
            execute(
                    db,
                    message("agent", "'" + AGENT + "'", "NULL", false),
                    message("system", "NULL", "NULL", false) + ", (gen_random_uuid(), '" + TEAM + "', 'live', '"
                            + TICKET + "', 'system', NULL, NULL, false, 'two', now())");
            assertThat(text(db, "SELECT message_count FROM tickets")).isEqualTo("3");
            execute(db, "DELETE FROM messages WHERE content = 'two'");
            assertThat(text(db, "SELECT message_count FROM tickets")).isEqualTo("2");
            assertThatThrownBy(() -> execute(db, "UPDATE tickets SET message_count = 7"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("follows them");
            assertThatThrownBy(() -> execute(
                            db,
                            "INSERT INTO tickets (id, team_id, mode, title, status, priority, "
                                    + "message_count, created_at, updated_at) VALUES (gen_random_uuid(), '" + TEAM
                                    + "', 'live', 'y', "
                                    + "'open', 'low', 4, now(), now())"))
                    .isInstanceOf(SQLException.class);
            execute(db, "UPDATE tickets SET title = 'renamed', message_count = message_count");
            // the ticket moves to test mode with its customer-less messages: they follow, the count stays
            execute(
                    db,
                    "DELETE FROM messages WHERE sender = 'customer'",
                    "UPDATE tickets SET customer_id = NULL",
                    "UPDATE tickets SET mode = 'test'");
            assertThat(text(db, "SELECT string_agg(DISTINCT mode, ',') FROM messages"))
                    .isEqualTo("test");
            assertThat(text(db, "SELECT message_count FROM tickets")).isEqualTo("2");
            execute(db, "DELETE FROM tickets");
            assertThat(text(db, "SELECT count(*) FROM messages")).isEqualTo("0");
        }
    }

    @Nested
    class Snapshots {

        @Test
        void allFiveTypesComeFromOneSnapshotWhileOthersWriteAndCountsMatchTheMessagesRead() throws Exception {
            DataSource db = fixture();
            execute(db, message("agent", "'" + AGENT + "'", "NULL", false));
            JdbcResourceReader reader =
                    new JdbcResourceReader(TestPostgres.asExportReader(db), ReaderSettings.defaults());
            Scope live = new Scope(new TeamId(TEAM), Mode.LIVE);
            Map<ResourceType, Integer> before;
            Map<ResourceType, Integer> during;
            String countDuring;
            try (ReadSnapshot snapshot = reader.openSnapshot(live, Cancellation.never())) {
                before = counts(snapshot);
                // committed by others while the snapshot is open: a row of every type, a message more
                execute(
                        db,
                        message("customer", "NULL", "'" + CUSTOMER + "'", false),
                        "INSERT INTO members (id, team_id, name, role) VALUES (gen_random_uuid(), '" + TEAM
                                + "', 'New', 'admin')",
                        "INSERT INTO customers (id, team_id, mode, name, status, sentiment, created_at, updated_at) "
                                + "VALUES (gen_random_uuid(), '" + TEAM + "', 'live', 'N', 'active', 'neutral', now(), "
                                + "now())",
                        "INSERT INTO tickets (id, team_id, mode, title, status, priority, created_at, updated_at) "
                                + "VALUES (gen_random_uuid(), '" + TEAM + "', 'live', 'N', 'new', 'low', now(), now())",
                        "INSERT INTO articles (id, team_id, mode, title, status, created_at, updated_at) VALUES "
                                + "(gen_random_uuid(), '" + TEAM + "', 'live', 'A', 'draft', now(), now())",
                        "INSERT INTO custom_field_definitions (team_id, resource, key, label, kind, position) VALUES "
                                + "('" + TEAM + "', 'tickets', 'late', 'Late', 'text', 9)");
                during = counts(snapshot);
                countDuring = messageCount(snapshot, live);
                assertThat(snapshot.customFields(ResourceType.TICKETS))
                        .extracting(CustomFieldDefinition::key)
                        .containsExactly("plan", "due", "amount", "vip", "note");
            }
            assertThat(during).isEqualTo(before);
            assertThat(countDuring).isEqualTo("1");
            try (ReadSnapshot snapshot = reader.openSnapshot(live, Cancellation.never())) {
                Map<ResourceType, Integer> after = counts(snapshot);
                for (ResourceType type : ResourceType.values()) {
                    assertThat(after.get(type)).as(type.wireName()).isEqualTo(before.get(type) + 1);
                }
                assertThat(messageCount(snapshot, live)).isEqualTo("2");
                assertThat(snapshot.customFields(ResourceType.TICKETS))
                        .extracting(CustomFieldDefinition::key)
                        .endsWith("late");
            }
            // the test mode sees the team's members, and none of its live messages
            try (ReadSnapshot snapshot =
                    reader.openSnapshot(new Scope(new TeamId(TEAM), Mode.TEST), Cancellation.never())) {
                Map<ResourceType, Integer> test = counts(snapshot);
                assertThat(test.get(ResourceType.MEMBERS)).isEqualTo(before.get(ResourceType.MEMBERS) + 1);
                assertThat(test.get(ResourceType.MESSAGES)).isZero();
                assertThat(test.get(ResourceType.TICKETS)).isZero();
            }
        }

        private Map<ResourceType, Integer> counts(ReadSnapshot snapshot) throws IOException {
            Map<ResourceType, Integer> counts = new LinkedHashMap<>();
            for (ResourceType type : ResourceType.values()) {
                counts.put(
                        type,
                        snapshot.read(
                                        new ResourceQuery(
                                                type,
                                                ResourceFilters.none(type),
                                                type.fields(),
                                                Optional.empty(),
                                                10_000),
                                        row -> {})
                                .rows());
            }
            return counts;
        }

        private String messageCount(ReadSnapshot snapshot, Scope scope) throws IOException {
            Field count = ResourceType.TICKETS.field("messageCount").orElseThrow();
            List<Integer> counts = new ArrayList<>();
            snapshot.read(
                    new ResourceQuery(
                            ResourceType.TICKETS,
                            ResourceFilters.none(ResourceType.TICKETS),
                            List.of(count),
                            Optional.empty(),
                            10),
                    row -> counts.add(row.integer(count)));
            assertThat(scope.mode()).isEqualTo(Mode.LIVE);
            return String.valueOf(counts.get(0));
        }
    }

    @Nested
    class CustomFieldValues {

        @Test
        void areReadTypedByKindAndNullWhereARecordHasNone() throws Exception {
            DataSource db = fixture();
            execute(
                    db,
                    "UPDATE tickets SET custom_fields = '{\"plan\": \"gold\", \"due\": \"2026-02-28\", "
                            + "\"amount\": 12345678901234567890.0100, \"vip\": false}', metadata = '{\"a\": [1, 2.50]}'");
            JdbcResourceReader reader =
                    new JdbcResourceReader(TestPostgres.asExportReader(db), ReaderSettings.defaults());
            try (ReadSnapshot snapshot =
                    reader.openSnapshot(new Scope(new TeamId(TEAM), Mode.LIVE), Cancellation.never())) {
                List<Field> fields =
                        FieldSelection.all(ResourceType.TICKETS).resolve(snapshot.customFields(ResourceType.TICKETS));
                Map<String, Object> values = new HashMap<>();
                snapshot.read(
                        new ResourceQuery(
                                ResourceType.TICKETS,
                                ResourceFilters.none(ResourceType.TICKETS),
                                fields,
                                Optional.empty(),
                                10),
                        row -> {
                            for (Field field : fields) {
                                if (field.kind() != FieldKind.CUSTOM) {
                                    values.put(field.name(), row.value(field));
                                }
                            }
                        });
                assertThat(values)
                        .containsEntry("customFields.plan", "gold")
                        .containsEntry("customFields.due", LocalDate.of(2026, 2, 28))
                        .containsEntry("customFields.amount", new BigDecimal("12345678901234567890.0100"))
                        .containsEntry("customFields.vip", false)
                        .containsEntry("customFields.note", null)
                        .containsEntry("metadata", "{\"a\": [1, 2.50]}");
                assertThat(fields.stream()
                                .filter(Field::isCustom)
                                .map(f -> f.custom().kind()))
                        .containsExactly(
                                CustomFieldKind.SELECT,
                                CustomFieldKind.DATE,
                                CustomFieldKind.NUMBER,
                                CustomFieldKind.BOOLEAN,
                                CustomFieldKind.TEXT);
            }
        }
    }

    @Nested
    class Migration {

        /**
         * Rows written under the previous schema (V1 to V3) export unchanged after V4, but for the new fields, which
         * are empty, and the message count, which is the ticket's messages from V4 on (none yet).
         */
        @Test
        void rowsOfThePreviousSchemaExportUnchangedExceptForTheNewFields() throws Exception {
            DataSource db = TestPostgres.emptyDatabase();
            Flyway.configure()
                    .dataSource(db)
                    .locations(SchemaMigrations.LOCATION)
                    .target("3")
                    .load()
                    .migrate();
            execute(
                    db,
                    "INSERT INTO teams (id, name) VALUES ('" + TEAM + "', 't')",
                    "INSERT INTO members (id, team_id, name, email, role) VALUES ('" + AGENT + "', '" + TEAM
                            + "', 'Agent', 'a@x.example', 'agent')",
                    "INSERT INTO customers (id, team_id, mode, name, email, status, sentiment, tags, notes, ticket_count,"
                            + " created_at, updated_at) VALUES ('" + CUSTOMER + "', '" + TEAM + "', 'live', "
                            + "'=Name, \"q\"', NULL, 'active', 'negative', '{a,b}', 'n', 3, '2025-01-01T00:00:00Z', "
                            + "'2025-01-02T00:00:00.123456Z')",
                    "INSERT INTO tickets (id, team_id, mode, title, status, priority, customer_id, assigned_to, tags, "
                            + "notes, message_count, created_at, updated_at, resolved_at) VALUES ('" + TICKET + "', '"
                            + TEAM + "', 'live', 'Line\nbreak', 'resolved', 'urgent', '" + CUSTOMER + "', '" + AGENT
                            + "', '{x}', NULL, 5, '2025-02-01T00:00:00Z', '2025-02-01T00:00:00Z', "
                            + "'2025-02-03T00:00:00Z')",
                    "INSERT INTO articles (id, team_id, mode, title, content, category, status, is_public, tags, "
                            + "view_count, use_count, created_at, updated_at, published_at) VALUES (gen_random_uuid(), '"
                            + TEAM + "', 'live', 'Art', 'Body', 'cat', 'published', true, '{}', 7, 8, "
                            + "'2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z', NULL)");
            Map<String, Map<String, Object>> before = new HashMap<>();
            for (String table : List.of("tickets", "customers", "articles", "members")) {
                before.put(table, oneRow(db, table));
            }

            SchemaMigrations.migrate(db);

            JdbcResourceReader reader =
                    new JdbcResourceReader(TestPostgres.asExportReader(db), ReaderSettings.defaults());
            try (ReadSnapshot snapshot =
                    reader.openSnapshot(new Scope(new TeamId(TEAM), Mode.LIVE), Cancellation.never())) {
                for (ResourceType type : List.of(
                        ResourceType.TICKETS, ResourceType.CUSTOMERS, ResourceType.ARTICLES, ResourceType.MEMBERS)) {
                    Map<String, Object> old = before.get(type.wireName());
                    Map<String, Object> now = new LinkedHashMap<>();
                    assertThat(snapshot.customFields(type)).isEmpty();
                    snapshot.read(
                            new ResourceQuery(type, ResourceFilters.none(type), type.fields(), Optional.empty(), 10),
                            row -> {
                                for (Field field : type.fields()) {
                                    if (field.kind() != FieldKind.CUSTOM) {
                                        now.put(field.name(), row.value(field));
                                    }
                                }
                            });
                    for (Field field : type.fields()) {
                        if (field.kind() == FieldKind.CUSTOM) {
                            continue;
                        }
                        Object value = now.get(field.name());
                        String column = ResourceTable.of(type).columnOf(field.index());
                        if (field.name().equals("messageCount")) {
                            assertThat(old.get(column)).isEqualTo(5);
                            assertThat(value)
                                    .as("the count is the messages: none yet")
                                    .isEqualTo(0);
                        } else if (field.kind() == FieldKind.OBJECT) {
                            assertThat(value).as("%s.%s", type, field.name()).isEqualTo("{}");
                        } else if (!old.containsKey(column)) {
                            assertThat(value)
                                    .as("new field %s.%s", type, field.name())
                                    .isNull();
                        } else {
                            assertThat(value).as("%s.%s", type, field.name()).isEqualTo(comparable(old.get(column)));
                        }
                    }
                }
                assertThat(snapshot.read(
                                        new ResourceQuery(
                                                ResourceType.MESSAGES,
                                                ResourceFilters.none(ResourceType.MESSAGES),
                                                ResourceType.MESSAGES.fields(),
                                                Optional.empty(),
                                                10),
                                        row -> {})
                                .rows())
                        .isZero();
            }
        }

        private Object comparable(Object jdbc) throws SQLException {
            if (jdbc instanceof OffsetDateTime time) {
                return time.toInstant();
            }
            if (jdbc instanceof Array array) {
                return List.of((Object[]) array.getArray());
            }
            return jdbc;
        }

        private Map<String, Object> oneRow(DataSource db, String table) throws SQLException {
            try (Connection connection = db.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                assertThat(rows.next()).isTrue();
                ResultSetMetaData meta = rows.getMetaData();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = meta.getColumnTypeName(i).equals("timestamptz")
                            ? rows.getObject(i, OffsetDateTime.class)
                            : rows.getObject(i);
                    row.put(meta.getColumnName(i), value instanceof Array a ? List.of((Object[]) a.getArray()) : value);
                }
                assertThat(rows.next()).isFalse();
                return row;
            }
        }
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String text(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
