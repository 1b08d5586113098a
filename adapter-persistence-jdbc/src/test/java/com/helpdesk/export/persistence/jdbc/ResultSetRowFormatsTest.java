package com.helpdesk.export.persistence.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;

/**
 * The row mapping decodes binary {@code timestamptz} and {@code text[]} itself (pgjdbc's own conversions cost more
 * than the rest of the row): on a real PostgreSQL, every value must come out exactly as the driver's conversion of
 * the text format gives it, edge values included, and the binary rows must really have been binary.
 */
class ResultSetRowFormatsTest {

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
    void binaryAndTextRowsGiveTheSameValues() throws SQLException {
        DataSource dataSource = TestPostgres.migratedDatabase();
        List<List<Object>> text = rows(dataSource, false);
        List<List<Object>> binary = rows(dataSource, true);
        assertThat(binary).hasSize(TIMES.size() * TAGS.size()).isEqualTo(text);
        // the fast path ran: ordinary times and tags decoded to what they say
        assertThat(binary.get(0).get(9)).isEqualTo(Instant.parse("2026-11-27T12:34:56.123456Z"));
        assertThat(binary.get(2).get(6)).isEqualTo(List.of("billing", "urgent", "vip"));
        assertThat(binary.get(5).get(6)).isEqualTo(List.of("émoji😀", "日本語", "Ж"));
    }

    @Test
    void nullTimesAndTagsStayNullAndEmpty() throws SQLException {
        for (boolean binary : new boolean[] {false, true}) {
            try (Connection c = TestPostgres.migratedDatabase().getConnection();
                    PreparedStatement s = c.prepareStatement(select("VALUES (NULL::timestamptz, NULL::text[])"))) {
                forceFormat(s, binary);
                try (ResultSet rs = s.executeQuery()) {
                    ResultSetRow row = new ResultSetRow(rs, SelectList.all(ResourceTable.TICKETS));
                    assertThat(rs.next()).isTrue();
                    row.validate();
                    assertThat(row.value(field("resolvedAt"))).as("resolvedAt").isNull();
                    assertThat(row.value(field("tags"))).as("tags").isEqualTo(List.of());
                }
            }
        }
    }

    /**
     * Text handed over as its bytes ({@code Row.textUtf8}, what the JSON writer reads) is the UTF-8 encoding of the
     * driver's string of it, in both formats, and null where the text is.
     */
    @Test
    void textAsBytesIsTheUtf8OfTheDriversString() throws SQLException {
        List<String> texts = List.of(
                "plain",
                "",
                "é, \"quoted\"\r\nline\tbreak \\ slash",
                "日本語 Ж émoji😀 \u2028 \u00a0",
                "=1+2 \u0001\u001f\u007f",
                "x".repeat(70_000) + "😀");
        String values = texts.stream()
                .map(t -> "('" + t.replace("'", "''") + "'::text)")
                .collect(Collectors.joining(", ", "VALUES ", ", (NULL::text)"));
        for (boolean binary : new boolean[] {false, true}) {
            try (Connection c = TestPostgres.migratedDatabase().getConnection();
                    PreparedStatement s = c.prepareStatement(selectText(values))) {
                forceFormat(s, binary);
                try (ResultSet rs = s.executeQuery()) {
                    ResultSetRow row = new ResultSetRow(rs, SelectList.all(ResourceTable.TICKETS));
                    List<String> read = new ArrayList<>();
                    while (rs.next()) {
                        row.validate();
                        String title = (String) row.value(field("title"));
                        byte[] bytes = row.textUtf8(field("title"));
                        if (title == null) {
                            assertThat(bytes).as("bytes of a null title").isNull();
                        } else {
                            assertThat(bytes).as("bytes of %s", title).isEqualTo(title.getBytes(UTF_8));
                        }
                        assertThat(row.textUtf8(field("status"))).isEqualTo("open".getBytes(UTF_8));
                        read.add(title);
                        row.invalidate();
                    }
                    assertThat(read.subList(0, texts.size())).isEqualTo(texts);
                    assertThat(read).hasSize(texts.size() + 1);
                }
            }
        }
    }

    private static List<List<Object>> rows(DataSource dataSource, boolean binary) throws SQLException {
        String rowsSql = TIMES.stream()
                .flatMap(time -> TAGS.stream()
                        .map(tags -> "('" + time + "'::timestamptz, '" + tags.replace("'", "''") + "'::text[])"))
                .collect(Collectors.joining(", ", "VALUES ", ""));
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(select(rowsSql))) {
            forceFormat(s, binary);
            try (ResultSet rs = s.executeQuery()) {
                PGResultSetMetaData meta = rs.getMetaData().unwrap(PGResultSetMetaData.class);
                assertThat(meta.getFormat(SelectList.CREATED_AT))
                        .as("format of the times")
                        .isEqualTo(binary ? 1 : 0);
                assertThat(meta.getFormat(10)).as("format of the tags").isEqualTo(binary ? 1 : 0);
                ResultSetRow row = new ResultSetRow(rs, SelectList.all(ResourceTable.TICKETS));
                while (rs.next()) {
                    row.validate();
                    List<Object> values = new ArrayList<>();
                    for (Field field : ResourceType.TICKETS.fields()) {
                        if (field.kind() == FieldKind.CUSTOM) {
                            continue;
                        }
                        Object value = row.value(field);
                        values.add(value instanceof List<?> list ? List.copyOf(list) : value);
                    }
                    row.invalidate();
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    /** The columns of a whole tickets row as SelectList.all lays them out, with times and tags from the given rows. */
    private static String select(String values) {
        assertThat(SelectList.all(ResourceTable.TICKETS).inner())
                .startsWith("created_at, id, ")
                .endsWith(" AS row_bytes, title AS c5, status AS c6, priority AS c7, customer_id AS c8, "
                        + "assigned_to AS c9, tags AS c10, notes AS c11, message_count AS c12, response_deadline AS c13,"
                        + " resolution_deadline AS c14, updated_at AS c15, resolved_at AS c16, metadata AS c17");
        return "SELECT v.at, '0b6f2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b'::uuid, 0::bigint, 0::bigint, 'title', "
                + "'open', 'normal', "
                + "NULL::uuid, NULL::uuid, v.tags, NULL::text, 0, v.at, NULL::timestamptz, v.at, v.at, '{}'::jsonb "
                + "FROM (" + values + ") AS v(at, tags)";
    }

    /** The columns of a whole tickets row, with the titles from the given rows. */
    private static String selectText(String values) {
        return "SELECT now(), '0b6f2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b'::uuid, 0::bigint, 0::bigint, v.t, 'open', "
                + "'normal', NULL::uuid, NULL::uuid, '{}'::text[], NULL::text, 0, now(), NULL::timestamptz, now(), "
                + "now(), '{}'::jsonb FROM (" + values + ") AS v(t)";
    }

    private static Field field(String name) {
        return ResourceType.TICKETS.field(name).orElseThrow();
    }

    private static void forceFormat(PreparedStatement statement, boolean binary) throws SQLException {
        // -1: server-prepared with binary results from the first run; 0: never server-prepared, text results
        statement.unwrap(PGStatement.class).setPrepareThreshold(binary ? -1 : 0);
    }
}
