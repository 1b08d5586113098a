package com.helpdesk.export.persistence.jdbc.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

/**
 * The rows come as {@code COPY}'s binary tuples, which this adapter decodes itself ({@link CopyRow}): on a real
 * PostgreSQL, every value must come out exactly as pgjdbc's own conversion of the same value in the text format
 * gives it (the independent oracle: the driver, on the uncast columns), for every field of every type of the demo
 * data with its custom fields, and for edge values of times and tags.
 */
class CopyRowFormatsTest {

    private static final List<String> TIMES = List.of(
            "2026-11-27 12:34:56.123456+00",
            "2026-11-27 12:34:56+00",
            "1970-01-01 00:00:00+00",
            "1969-12-31 23:59:59.999999+00",
            "2000-01-01 00:00:00+00",
            "1999-12-31 23:59:59.999999+00",
            "1900-01-01 00:00:00+00",
            "1899-12-31 23:59:59.999999+00",
            "1582-10-15 00:00:00+00",
            "1582-10-04 23:59:59+00",
            "0001-01-01 00:00:00+00",
            "4713-01-01 00:00:00+00 BC",
            "9999-12-31 23:59:59.999999+00",
            "10000-01-01 00:00:00+00",
            "294276-12-31 23:59:59.999999+00",
            "2024-02-29 23:59:59.000001+00",
            "2026-03-29 01:30:00+02",
            "infinity",
            "-infinity");

    private static final List<String> TAGS = List.of(
            "{}",
            "{a}",
            "{billing,urgent,vip}",
            "{\"with,comma\",\"with\\\"quote\",\"back\\\\slash\"}",
            "{\"{braces}\",NULLish,\"\"}",
            "{émoji😀,日本語,Ж}",
            "{" + "t,".repeat(300) + "end}");

    @Test
    void everyFieldOfEveryTypeOfTheDemoDataIsWhatTheDriverReadsInText() throws SQLException {
        DataSource demo = TestPostgres.demoDatabase();
        for (ResourceType type : ResourceType.values()) {
            ResourceTable table = ResourceTable.of(type);
            List<Field> fields = FieldSelection.parse(
                            type, type.fields().stream().map(Field::name).toList(), "fields")
                    .resolve(definitions(demo, type));
            SelectList select = SelectList.of(table, fields);
            String where = "team_id = '" + DemoDataset.DEMO_TEAM_ID + "'";
            List<List<Object>> expected = driverText(demo, table, fields, where);
            List<List<Object>> actual = new ArrayList<>();
            try (Connection c = demo.getConnection()) {
                BinaryCopy copy = BinaryCopy.start(c, select.query(where, 100_000), select);
                CopyRow row = copy.row();
                while (copy.next()) {
                    row.validate();
                    List<Object> values = new ArrayList<>();
                    for (Field field : fields) {
                        if (field.kind() == FieldKind.CUSTOM) {
                            continue;
                        }
                        values.add(row.value(field));
                        if (field.kind() == FieldKind.TEXT || field.kind() == FieldKind.ENUM) {
                            String text = (String) row.value(field);
                            assertThat(row.textUtf8(field)).isEqualTo(text == null ? null : text.getBytes(UTF_8));
                        }
                    }
                    values.add(row.createdAt());
                    values.add(row.id());
                    row.invalidate();
                    actual.add(values);
                }
            }
            assertThat(actual).as(type.wireName()).hasSizeGreaterThan(5).isEqualTo(expected);
            if (type.hasCustomFields()) {
                assertThat(fields.stream()
                                .filter(Field::isCustom)
                                .map(f -> f.custom().kind()))
                        .as("the demo data has custom fields of every kind")
                        .containsAll(List.of(CustomFieldKind.values()));
            }
        }
    }

    @Test
    void timesAndTagsAtTheirEdgesAreWhatTheDriverReadsInText() throws SQLException {
        DataSource dataSource = TestPostgres.migratedDatabase();
        String values = TIMES.stream()
                .flatMap(time -> TAGS.stream()
                        .map(tags -> "('" + time + "'::timestamptz, '" + tags.replace("'", "''") + "'::text[])"))
                .collect(Collectors.joining(", ", "VALUES ", ", (NULL, NULL)"));
        SelectList select = SelectList.of(
                ResourceTable.TICKETS, ResourceType.TICKETS.selectFields(List.of("tags", "resolvedAt"), "fields"));
        assertThat(select.columns())
                .isEqualTo("created_at, id, (tags)::text[] AS c3, (resolved_at)::timestamptz AS c4");
        String rows = "SELECT coalesce(v.at, now()) AS created_at, gen_random_uuid() AS id, v.tags, v.at FROM ("
                + values + ") AS v(at, tags)";
        List<List<Object>> expected = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(rows)) {
            s.unwrap(PGStatement.class).setPrepareThreshold(0); // never server-prepared: text results
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    expected.add(Arrays.asList(tags(rs.getArray(3)), time(rs.getObject(4, OffsetDateTime.class))));
                }
            }
        }
        List<List<Object>> actual = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            BinaryCopy copy = BinaryCopy.start(c, rows, select);
            CopyRow row = copy.row();
            while (copy.next()) {
                row.validate();
                actual.add(Arrays.asList(row.value(field("tags")), row.value(field("resolvedAt"))));
                row.invalidate();
            }
        }
        assertThat(actual).hasSize(TIMES.size() * TAGS.size() + 1).isEqualTo(expected);
        assertThat(actual.get(0)).isEqualTo(List.of(List.of(), Instant.parse("2026-11-27T12:34:56.123456Z")));
        assertThat(actual.get(actual.size() - 1))
                .as("null tags are empty, a null time null")
                .isEqualTo(Arrays.asList(List.of(), null));
    }

    @Test
    void datesReadFromTheirDigitsAreWhatLocalDateParseSays() throws SQLException {
        List<String> texts = List.of(
                "2026-12-03",
                "2024-02-29",
                "0001-01-01",
                "9999-12-31",
                "0000-06-15",
                "2023-02-29",
                "2026-13-01",
                "2026-00-10",
                "2026-1-01",
                "2026-01-0x",
                "+10000-01-01",
                "20261203",
                "");
        CustomFieldDefinition due = new CustomFieldDefinition("due", "Due", CustomFieldKind.DATE, 0);
        List<Field> fields = FieldSelection.parse(ResourceType.TICKETS, List.of("customFields.due"), "fields")
                .resolve(List.of(due));
        SelectList select = SelectList.of(ResourceTable.TICKETS, fields);
        String values = texts.stream().map(t -> "('" + t + "')").collect(Collectors.joining(", ", "VALUES ", ""));
        try (Connection c = TestPostgres.migratedDatabase().getConnection()) {
            BinaryCopy copy =
                    BinaryCopy.start(c, "SELECT now(), gen_random_uuid(), v.d FROM (" + values + ") AS v(d)", select);
            CopyRow row = copy.row();
            for (String text : texts) {
                assertThat(copy.next()).isTrue();
                row.validate();
                Object expected;
                try {
                    expected = LocalDate.parse(text);
                } catch (RuntimeException e) {
                    expected = e.getClass();
                }
                Object actual;
                try {
                    actual = row.value(fields.get(0));
                } catch (RuntimeException e) {
                    actual = e.getClass();
                }
                assertThat(actual).as(text).isEqualTo(expected);
                row.invalidate();
            }
            assertThat(copy.next()).isFalse();
        }
    }

    @Test
    void aStreamOfAnotherShapeFailsLoudly() throws SQLException {
        SelectList select =
                SelectList.of(ResourceTable.TICKETS, ResourceType.TICKETS.selectFields(List.of("title"), "fields"));
        try (Connection c = TestPostgres.migratedDatabase().getConnection()) {
            BinaryCopy copy = BinaryCopy.start(c, "SELECT now(), gen_random_uuid()", select);
            assertThatThrownBy(copy::next)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a tuple of 2 columns, 3 expected");
        }
        try (Connection c = TestPostgres.migratedDatabase().getConnection()) {
            BinaryCopy copy = BinaryCopy.start(c, "SELECT now(), 'not a uuid'::text, 'title'", select);
            assertThat(copy.next()).isTrue();
            copy.row().validate();
            assertThatThrownBy(() -> copy.row().id())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a uuid of 10 bytes");
        }
    }

    @Test
    void lengthsThatPointPastTheMessageAreABrokenStreamEvenNearTheLargestInt() {
        SelectList select =
                SelectList.of(ResourceTable.TICKETS, ResourceType.TICKETS.selectFields(List.of("title"), "fields"));
        CopyRow row = new CopyRow(select);
        for (int length : new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 5, 9, -2}) {
            // three columns: the first one's length says more than the message holds
            byte[] message = {
                0, 3, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length, 1, 2, 3, 4
            };
            assertThatThrownBy(() -> row.parse(message, 0))
                    .as("length %d", length)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("unexpected COPY binary data");
        }
        assertThat(row.parse(new byte[] {(byte) 0xFF, (byte) 0xFF}, 0))
                .as("the trailer")
                .isEqualTo(-1);
    }

    private static List<List<Object>> driverText(DataSource db, ResourceTable table, List<Field> fields, String where)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        List<FieldKind> kinds = new ArrayList<>();
        for (Field field : fields) {
            if (field.kind() != FieldKind.CUSTOM) {
                columns.add(field.isCustom() ? table.customValue(field.custom()) : table.columnOf(field.index()));
                kinds.add(field.kind());
            }
        }
        String sql = "SELECT " + String.join(", ", columns) + ", created_at, id FROM " + table.table() + " WHERE "
                + where + " ORDER BY created_at, id";
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.unwrap(PGStatement.class).setPrepareThreshold(0);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < kinds.size(); i++) {
                        values.add(driver(rs, i + 1, kinds.get(i)));
                    }
                    values.add(driver(rs, kinds.size() + 1, FieldKind.TIMESTAMP));
                    values.add(driver(rs, kinds.size() + 2, FieldKind.ID));
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    /** What pgjdbc makes of a text-format value, per kind (what the reader did before it read COPY's tuples). */
    private static Object driver(ResultSet rs, int column, FieldKind kind) throws SQLException {
        return switch (kind) {
            case ID -> rs.getObject(column, java.util.UUID.class);
            case TEXT, ENUM, REF, OBJECT -> rs.getString(column);
            case NUMBER -> rs.getBigDecimal(column);
            case DATE -> rs.getString(column) == null ? null : LocalDate.parse(rs.getString(column));
            case INTEGER -> rs.getObject(column) == null ? null : rs.getInt(column);
            case BOOLEAN -> rs.getObject(column) == null ? null : rs.getBoolean(column);
            case TIMESTAMP -> time(rs.getObject(column, OffsetDateTime.class));
            case TAGS -> tags(rs.getArray(column));
            case CUSTOM -> throw new IllegalArgumentException("not a column");
        };
    }

    private static Instant time(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static List<String> tags(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return List.of(Arrays.copyOf(values, values.length, String[].class));
    }

    private static List<CustomFieldDefinition> definitions(DataSource db, ResourceType type) throws SQLException {
        List<CustomFieldDefinition> definitions = new ArrayList<>();
        if (!type.hasCustomFields()) {
            return definitions;
        }
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT key, label, kind, position FROM custom_field_definitions"
                        + " WHERE team_id = '" + DemoDataset.DEMO_TEAM_ID + "' AND resource = '" + type.wireName()
                        + "' ORDER BY position, key")) {
            while (rs.next()) {
                definitions.add(new CustomFieldDefinition(
                        rs.getString(1),
                        rs.getString(2),
                        CustomFieldKind.fromWireName(rs.getString(3)).orElseThrow(),
                        rs.getInt(4)));
            }
        }
        return definitions;
    }

    private static Field field(String name) {
        return ResourceType.TICKETS.field(name).orElseThrow();
    }
}
