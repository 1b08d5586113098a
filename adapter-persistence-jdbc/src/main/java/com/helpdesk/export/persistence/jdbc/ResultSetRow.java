package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.Row;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGResultSetMetaData;

/**
 * A {@link Row} that is a view over the current row of a result set selected with a {@link SelectList}, which says
 * where each field is. Values are read when asked for, in the Java type of the field's kind; a field the query did
 * not read is refused. The view is valid only while the consumer it was handed to runs.
 *
 * <p>When pgjdbc receives a column in PostgreSQL's binary format (which the reader asks for, see
 * {@code JdbcReadSnapshot}), times and tags are decoded here from their bytes: pgjdbc's own {@code OffsetDateTime}
 * conversion allocates a new {@code ZoneRules} (and its map) per value, and its array decoding looks its decoder up
 * per value and goes through {@code java.sql.Array}; together they took a quarter of an export's CPU time
 * (docs/performance.md). The values are the same ({@code ResultSetRowFormatsTest}); for what the direct decoding does
 * not cover (text format, times before 1900 or after 9999 or infinite, arrays that are not one-dimensional text
 * without nulls) the driver's conversion is used as before.
 */
final class ResultSetRow implements Row {

    private final ResultSet resultSet;
    private final SelectList select;
    private final ResourceTable table;
    private boolean valid;
    /** Per column, whether pgjdbc holds it in binary format; null until first needed. */
    private boolean[] binary;

    ResultSetRow(ResultSet resultSet, SelectList select) {
        this.resultSet = resultSet;
        this.select = select;
        this.table = select.table();
    }

    void validate() {
        valid = true;
    }

    void invalidate() {
        valid = false;
    }

    @Override
    public Object value(Field field) {
        int column = column(field);
        try {
            return read(field.kind(), column);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * The bytes pgjdbc received, without decoding them: the driver always sets the connection's client encoding to
     * UTF-8, and text comes as its characters in either format (only a {@code bytea}, which no field of the exported
     * tables is, would come escaped).
     */
    @Override
    public byte[] textUtf8(Field field) {
        if (field.kind() != FieldKind.TEXT && field.kind() != FieldKind.ENUM) {
            throw new IllegalArgumentException("field " + field.name() + " is " + field.kind() + ", not TEXT");
        }
        int column = column(field);
        try {
            return resultSet.getBytes(column);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private int column(Field field) {
        if (!valid) {
            throw new IllegalStateException("a row is valid only while the consumer it was handed to runs");
        }
        int column = select.column(field);
        if (column == 0) {
            throw new IllegalArgumentException(
                    "field " + field.name() + " of " + table.type().wireName() + " was not read by this query");
        }
        return column;
    }

    /** The row's place in the export order: its {@code created_at} (column 1). */
    Instant createdAt() throws SQLException {
        return (Instant) read(FieldKind.TIMESTAMP, SelectList.CREATED_AT);
    }

    /** The row's place in the export order: its {@code id} (column 2). */
    UUID id() throws SQLException {
        return (UUID) read(FieldKind.ID, SelectList.ID);
    }

    private Object read(FieldKind kind, int column) throws SQLException {
        switch (kind) {
            case ID:
                return resultSet.getObject(column, UUID.class);
            case TEXT:
            case ENUM:
            case REF:
            case OBJECT:
                return resultSet.getString(column);
            case NUMBER:
                return resultSet.getBigDecimal(column);
            case DATE: {
                String text = resultSet.getString(column);
                return text == null ? null : LocalDate.parse(text);
            }
            case INTEGER: {
                int value = resultSet.getInt(column);
                return resultSet.wasNull() ? null : value;
            }
            case BOOLEAN: {
                boolean value = resultSet.getBoolean(column);
                return resultSet.wasNull() ? null : value;
            }
            case TIMESTAMP: {
                if (isBinary(column)) {
                    byte[] raw = resultSet.getBytes(column);
                    if (raw == null) {
                        return null;
                    }
                    Instant decoded = timestamptz(raw);
                    if (decoded != null) {
                        return decoded;
                    }
                }
                OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            }
            case TAGS: {
                if (isBinary(column)) {
                    byte[] raw = resultSet.getBytes(column);
                    if (raw == null) {
                        return List.of();
                    }
                    List<String> decoded = textArray(raw);
                    if (decoded != null) {
                        return decoded;
                    }
                }
                return tags(resultSet.getArray(column));
            }
            default:
                throw new IllegalStateException("unknown field kind " + kind);
        }
    }

    private boolean isBinary(int column) throws SQLException {
        boolean[] formats = binary;
        if (formats == null) {
            formats = binary = formats();
        }
        return formats[column - 1];
    }

    /** Which columns pgjdbc receives in binary format (none, if the driver cannot say). */
    private boolean[] formats() throws SQLException {
        boolean[] formats = new boolean[select.columnCount()];
        ResultSetMetaData metaData = resultSet.getMetaData();
        if (metaData.isWrapperFor(PGResultSetMetaData.class)) {
            PGResultSetMetaData pg = metaData.unwrap(PGResultSetMetaData.class);
            for (int i = 0; i < formats.length; i++) {
                formats[i] = pg.getFormat(i + 1) == 1;
            }
        }
        return formats;
    }

    private static List<String> tags(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            Object[] values = (Object[]) array.getArray();
            // tags never hold null (a CHECK constraint says so); List.of would refuse one loudly
            return values.length == 0 ? List.of() : List.of(Arrays.copyOf(values, values.length, String[].class));
        } finally {
            array.free();
        }
    }

    /** Seconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    /** 1900-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z in microseconds from PostgreSQL's epoch. */
    private static final long MIN_DIRECT_MICROS = (-2_208_988_800L - POSTGRES_EPOCH_SECOND) * 1_000_000L;

    private static final long MAX_DIRECT_MICROS = (253_402_300_800L - POSTGRES_EPOCH_SECOND) * 1_000_000L - 1;
    private static final int TEXT_OID = 25;
    private static final int VARCHAR_OID = 1043;

    /**
     * A binary {@code timestamptz} (microseconds from 2000-01-01 UTC, big-endian) as an instant; null for what is
     * left to the driver: a value outside 1900 to 9999 (the driver adjusts dates before the Gregorian reform and
     * maps infinity to {@code OffsetDateTime.MAX/MIN}) or of another length.
     */
    private static Instant timestamptz(byte[] raw) {
        if (raw.length != 8) {
            return null;
        }
        long micros = int8(raw, 0);
        if (micros < MIN_DIRECT_MICROS || micros > MAX_DIRECT_MICROS) {
            return null;
        }
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L) + POSTGRES_EPOCH_SECOND, Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /**
     * A binary one-dimensional {@code text[]} (or {@code varchar[]}) without nulls as an immutable list; null for
     * anything else, which is left to the driver. Layout: dimensions, has-null flag, element type, then per
     * dimension its length and lower bound, then per element its byte length and UTF-8 bytes.
     */
    private static List<String> textArray(byte[] raw) {
        if (raw.length < 12) {
            return null;
        }
        int dimensions = int4(raw, 0);
        int hasNull = int4(raw, 4);
        int elementType = int4(raw, 8);
        if (dimensions == 0 && hasNull == 0) {
            return List.of();
        }
        if (dimensions != 1
                || hasNull != 0
                || (elementType != TEXT_OID && elementType != VARCHAR_OID)
                || raw.length < 20) {
            return null;
        }
        int count = int4(raw, 12);
        if (count < 0 || count > (raw.length - 20) / 4) {
            return null;
        }
        String[] values = new String[count];
        int at = 20;
        for (int i = 0; i < count; i++) {
            if (at + 4 > raw.length) {
                return null;
            }
            int length = int4(raw, at);
            at += 4;
            if (length < 0 || at + length > raw.length) {
                return null;
            }
            values[i] = new String(raw, at, length, StandardCharsets.UTF_8);
            at += length;
        }
        return count == 0 ? List.of() : List.of(values);
    }

    private static int int4(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static long int8(byte[] b, int at) {
        return (long) int4(b, at) << 32 | (int4(b, at + 4) & 0xFFFF_FFFFL);
    }
}
