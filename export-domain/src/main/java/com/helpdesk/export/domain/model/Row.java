package com.helpdesk.export.domain.model;

/**
 * One row of a resource as a reader hands it to a serializer. The Java type of each value follows the field's
 * {@link FieldKind}. A row may be a view over a reader's cursor: it is valid only while the consumer that
 * received it runs.
 */
public interface Row {

    /** The value of the field at {@code fieldIndex} in its type's full field list; {@code null} when empty. */
    Object value(int fieldIndex);

    default Object value(Field field) {
        return value(field.index());
    }
}
