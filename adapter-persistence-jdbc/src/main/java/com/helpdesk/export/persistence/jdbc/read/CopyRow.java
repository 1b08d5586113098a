package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.Row;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A {@link Row} that is a view over one tuple of {@code COPY … (FORMAT binary)}, whose columns a {@link SelectList}
 * laid out and typed. Values are decoded when asked for, in the Java type of the field's kind, from the bytes of the
 * PostgreSQL type {@link SelectList} cast the column to; a field the query did not read is refused. The view is
 * valid only while the consumer it was handed to runs ({@link #validate()}, {@link #invalidate()}).
 *
 * <p>The decodings are PostgreSQL's {@code *send} formats: {@code uuid} 16 bytes; {@code timestamptz} microseconds
 * from 2000-01-01 UTC, big-endian, {@code ±infinity} as the largest and smallest {@code long}, which the driver gave
 * as {@code OffsetDateTime.MAX} and {@code MIN} and which are kept so; {@code int4} and {@code boolean} as such;
 * {@code text} as its UTF-8 bytes (pgjdbc sets the client encoding to UTF-8); {@code text[]} as a one-dimensional
 * array without nulls (an empty array has no dimension). Anything else is a broken stream and fails loudly.
 * {@code CopyRowFormatsTest} compares every decoding with the driver's reading of the same values in text.
 */
final class CopyRow implements Row {

    private final SelectList select;
    private final ResourceTable table;
    /** The message that holds the tuple, and per column its value's offset and length (-1: null). */
    private byte[] buffer;

    private final int[] offsets;
    private final int[] lengths;
    private boolean valid;

    CopyRow(SelectList select) {
        this.select = select;
        this.table = select.table();
        this.offsets = new int[select.columnCount()];
        this.lengths = new int[select.columnCount()];
    }

    /**
     * Reads the tuple at {@code at} of a message: a column count, then per column a length and that many bytes.
     *
     * @return the offset after the tuple, or -1 when {@code at} holds the stream's trailer (a count of -1)
     */
    int parse(byte[] message, int at) {
        if (message.length - at < 2) {
            throw broken("a tuple's column count is cut off");
        }
        short count = (short) ((message[at] & 0xFF) << 8 | (message[at + 1] & 0xFF));
        if (count == -1) {
            return -1;
        }
        if (count != offsets.length) {
            throw broken("a tuple of " + count + " columns, " + offsets.length + " expected");
        }
        int position = at + 2;
        for (int i = 0; i < offsets.length; i++) {
            if (message.length - position < 4) {
                throw broken("a value's length is cut off");
            }
            int length = int4(message, position);
            position += 4;
            if (length < -1 || length > message.length - position) {
                throw broken("a value of " + length + " bytes at " + position + " of " + message.length);
            }
            offsets[i] = position;
            lengths[i] = length;
            if (length > 0) {
                position += length;
            }
        }
        buffer = message;
        return position;
    }

    void validate() {
        valid = true;
    }

    void invalidate() {
        valid = false;
    }

    @Override
    public Object value(Field field) {
        return read(column(field));
    }

    /** The bytes of the text as received, copied (the writer may keep the array while the row is valid). */
    @Override
    public byte[] textUtf8(Field field) {
        int i = textColumn(field) - 1;
        int length = lengths[i];
        return length < 0 ? null : Arrays.copyOfRange(buffer, offsets[i], offsets[i] + length);
    }

    /** The bytes of the text as received, straight from the message that holds the row. */
    @Override
    public boolean writeTextUtf8(Field field, Utf8Sink sink) throws IOException {
        int i = textColumn(field) - 1;
        int length = lengths[i];
        if (length < 0) {
            return false;
        }
        sink.write(buffer, offsets[i], length);
        return true;
    }

    private int textColumn(Field field) {
        if (field.kind() != FieldKind.TEXT && field.kind() != FieldKind.ENUM) {
            throw new IllegalArgumentException("field " + field.name() + " is " + field.kind() + ", not TEXT");
        }
        return column(field);
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
    Instant createdAt() {
        return (Instant) read(SelectList.CREATED_AT);
    }

    /** The row's place in the export order: its {@code id} (column 2). */
    UUID id() {
        return (UUID) read(SelectList.ID);
    }

    /** A change feed entry's deletion time (column 1 of {@link SelectList#ofChanges}), null for a row's version. */
    Instant deletedAt() {
        return (Instant) read(1);
    }

    /** A change feed entry's stamp (column 3 of {@link SelectList#ofChanges}, the xid8 as text). */
    long stamp() {
        return Long.parseLong((String) read(3));
    }

    private Object read(int column) {
        FieldKind kind = select.kind(column);
        int i = column - 1;
        int at = offsets[i];
        int length = lengths[i];
        if (length < 0) {
            return kind == FieldKind.TAGS ? List.of() : null;
        }
        return switch (kind) {
            case ID -> {
                expect(length, 16, "uuid");
                yield new UUID(int8(buffer, at), int8(buffer, at + 8));
            }
            case TEXT, ENUM, REF, OBJECT -> string(at, length);
            case NUMBER -> new BigDecimal(string(at, length));
            case DATE -> date(at, length);
            case INTEGER -> {
                expect(length, 4, "int4");
                yield int4(buffer, at);
            }
            case BOOLEAN -> {
                expect(length, 1, "boolean");
                yield buffer[at] != 0;
            }
            case TIMESTAMP -> {
                expect(length, 8, "timestamptz");
                yield timestamptz(int8(buffer, at));
            }
            case TAGS -> textArray(at, length);
            case CUSTOM -> throw new IllegalStateException("the custom fields group is not a column");
        };
    }

    /**
     * A date as PostgreSQL and the custom fields' check write it, {@code YYYY-MM-DD}, read from its digits; any other
     * text goes through {@link LocalDate#parse} (which the profile showed costing a tenth of a JSON export's CPU
     * when it read every date).
     */
    private LocalDate date(int at, int length) {
        if (length == 10 && buffer[at + 4] == '-' && buffer[at + 7] == '-') {
            int year = digits(at, 4);
            int month = digits(at + 5, 2);
            int day = digits(at + 8, 2);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // e.g. February 30: what LocalDate.parse says of it is the answer
                }
            }
        }
        return LocalDate.parse(string(at, length));
    }

    /** The number the {@code count} ASCII digits at {@code at} write, or -1 when one is not a digit. */
    private int digits(int at, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            int digit = buffer[at + i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private String string(int at, int length) {
        return new String(buffer, at, length, StandardCharsets.UTF_8);
    }

    /** Seconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    private static final int TEXT_OID = 25;

    private static Instant timestamptz(long micros) {
        if (micros == Long.MAX_VALUE) {
            return OffsetDateTime.MAX.toInstant();
        }
        if (micros == Long.MIN_VALUE) {
            return OffsetDateTime.MIN.toInstant();
        }
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L) + POSTGRES_EPOCH_SECOND, Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /**
     * A binary one-dimensional {@code text[]} without nulls as an immutable list. Layout: dimensions, has-null flag,
     * element type, then per dimension its length and lower bound, then per element its byte length and UTF-8 bytes.
     */
    private List<String> textArray(int at, int length) {
        int end = at + length;
        if (length < 12) {
            throw broken("a text[] of " + length + " bytes");
        }
        int dimensions = int4(buffer, at);
        int hasNull = int4(buffer, at + 4);
        int elementType = int4(buffer, at + 8);
        if (dimensions == 0) {
            return List.of();
        }
        if (dimensions != 1 || hasNull != 0 || elementType != TEXT_OID || length < 20) {
            throw broken(
                    "a text[] of " + dimensions + " dimensions, nulls " + hasNull + ", element type " + elementType);
        }
        int count = int4(buffer, at + 12);
        if (count < 0 || count > (length - 20) / 4) {
            throw broken("a text[] of " + count + " elements in " + length + " bytes");
        }
        String[] values = new String[count];
        int position = at + 20;
        for (int i = 0; i < count; i++) {
            if (end - position < 4) {
                throw broken("a text[] element's length is cut off");
            }
            int size = int4(buffer, position);
            position += 4;
            if (size < 0 || size > end - position) {
                throw broken("a text[] element of " + size + " bytes");
            }
            values[i] = new String(buffer, position, size, StandardCharsets.UTF_8);
            position += size;
        }
        return count == 0 ? List.of() : List.of(values);
    }

    private static void expect(int length, int expected, String type) {
        if (length != expected) {
            throw broken("a " + type + " of " + length + " bytes");
        }
    }

    /** A stream that is not what PostgreSQL's binary COPY sends: it fails loudly. */
    static IllegalStateException broken(String what) {
        return new IllegalStateException("unexpected COPY binary data: " + what);
    }

    static int int4(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static long int8(byte[] b, int at) {
        return (long) int4(b, at) << 32 | (int4(b, at + 4) & 0xFFFF_FFFFL);
    }
}
