package com.helpdesk.export.domain.model;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One row of a resource as a reader hands it to a serializer. A row may be a view over a reader's cursor: it is valid
 * only while the consumer that received it runs.
 *
 * <p>Serializers read values by field, typed by the field's {@link FieldKind} ({@link #id}, {@link #ref},
 * {@link #text}, {@link #integer}, {@link #number}, {@link #bool}, {@link #time}, {@link #date}, {@link #tags},
 * {@link #object}); asking a field for another kind than its own is a programming error and is refused.
 * {@link #value(Field)} is what a reader implements (custom fields included: they are fields too).
 */
public interface Row {

    /** The value of a field of the row's type, or of one of its team's custom fields; {@code null} when empty. */
    Object value(Field field);

    /** An ID field's UUID, or {@code null}. */
    default UUID id(Field field) {
        return typed(field, FieldKind.ID, UUID.class);
    }

    /** A REF field's public id ({@code mem_…}, {@code cus_…}), or {@code null}. */
    default String ref(Field field) {
        return typed(field, FieldKind.REF, String.class);
    }

    /** A NUMBER field's number, or {@code null}. */
    default BigDecimal number(Field field) {
        return typed(field, FieldKind.NUMBER, BigDecimal.class);
    }

    /** A DATE field's date, or {@code null}. */
    default LocalDate date(Field field) {
        return typed(field, FieldKind.DATE, LocalDate.class);
    }

    /** An OBJECT field's JSON object text, {@code "{}"} when empty. */
    default String object(Field field) {
        String json = typed(field, FieldKind.OBJECT, String.class);
        return json == null ? "{}" : json;
    }

    /** A TEXT or ENUM field's text, or {@code null}. */
    default String text(Field field) {
        return typed(field, field.kind() == FieldKind.ENUM ? FieldKind.ENUM : FieldKind.TEXT, String.class);
    }

    /**
     * A TEXT or ENUM field's text as its UTF-8 bytes, or {@code null}: for a writer whose output is UTF-8 (JSON), so
     * that a reader that received the bytes need not decode them into a {@code String} the writer encodes again. The
     * array may be the reader's own buffer: read it only while the row is valid and never change it.
     */
    default byte[] textUtf8(Field field) {
        String text = text(field);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Receives a text's UTF-8 bytes: {@code length} bytes of {@code bytes} from {@code offset}. */
    @FunctionalInterface
    interface Utf8Sink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    /**
     * Hands a TEXT or ENUM field's UTF-8 bytes to {@code sink} and returns true, or returns false when the text is
     * {@code null} (the sink is then not called): {@link #textUtf8} without a copy, for a reader that holds the bytes
     * inside a larger buffer. The sink must neither keep nor change the array.
     */
    default boolean writeTextUtf8(Field field, Utf8Sink sink) throws IOException {
        byte[] utf8 = textUtf8(field);
        if (utf8 == null) {
            return false;
        }
        sink.write(utf8, 0, utf8.length);
        return true;
    }

    /** An INTEGER field's number, or {@code null}. */
    default Integer integer(Field field) {
        return typed(field, FieldKind.INTEGER, Integer.class);
    }

    /** A BOOLEAN field's value, or {@code null}. */
    default Boolean bool(Field field) {
        return typed(field, FieldKind.BOOLEAN, Boolean.class);
    }

    /** A TIMESTAMP field's instant, or {@code null}. */
    default Instant time(Field field) {
        return typed(field, FieldKind.TIMESTAMP, Instant.class);
    }

    /** A TAGS field's tags, never {@code null} (empty when none). */
    @SuppressWarnings("unchecked")
    default List<String> tags(Field field) {
        List<String> tags = typed(field, FieldKind.TAGS, List.class);
        return tags == null ? List.of() : tags;
    }

    private <T> T typed(Field field, FieldKind kind, Class<T> type) {
        if (field.kind() != kind) {
            throw new IllegalArgumentException("field " + field.name() + " is " + field.kind() + ", not " + kind);
        }
        Object value = value(field);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("field " + field.name() + " (" + kind + ") holds a "
                    + value.getClass().getName() + ", expected " + type.getSimpleName());
        }
        return type.cast(value);
    }
}
