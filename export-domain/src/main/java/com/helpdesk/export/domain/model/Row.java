package com.helpdesk.export.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of a resource as a reader hands it to a serializer. A row may be a view over a reader's cursor: it is valid
 * only while the consumer that received it runs.
 *
 * <p>Serializers read values by field, typed by the field's {@link FieldKind} ({@link #id}, {@link #text},
 * {@link #integer}, {@link #bool}, {@link #time}, {@link #tags}); asking a field for another kind than its own is a
 * programming error and is refused. {@link #value(int)} is what a reader implements.
 */
public interface Row {

    /** The value of the field at {@code fieldIndex} in its type's full field list; {@code null} when empty. */
    Object value(int fieldIndex);

    default Object value(Field field) {
        return value(field.index());
    }

    /** An ID field's UUID, or {@code null}. */
    default UUID id(Field field) {
        return typed(field, FieldKind.ID, UUID.class);
    }

    /** A TEXT or ENUM field's text, or {@code null}. */
    default String text(Field field) {
        return typed(field, field.kind() == FieldKind.ENUM ? FieldKind.ENUM : FieldKind.TEXT, String.class);
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
        Object value = value(field.index());
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("field " + field.name() + " (" + kind + ") holds a "
                    + value.getClass().getName() + ", expected " + type.getSimpleName());
        }
        return type.cast(value);
    }
}
