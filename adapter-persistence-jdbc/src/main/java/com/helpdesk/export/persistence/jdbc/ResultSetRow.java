package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.Row;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A {@link Row} that is a view over the current row of a result set selected with {@link
 * ResourceTable#selectList()}: field i is column i + 1. Values are read when asked for, in the Java type of the
 * field's kind. The view is valid only while the consumer it was handed to runs.
 */
final class ResultSetRow implements Row {

    private final ResultSet resultSet;
    private final ResourceTable table;
    private boolean valid;

    ResultSetRow(ResultSet resultSet, ResourceTable table) {
        this.resultSet = resultSet;
        this.table = table;
    }

    void validate() {
        valid = true;
    }

    void invalidate() {
        valid = false;
    }

    @Override
    public Object value(int fieldIndex) {
        if (!valid) {
            throw new IllegalStateException("a row is valid only while the consumer it was handed to runs");
        }
        if (fieldIndex < 0 || fieldIndex >= table.fieldCount()) {
            throw new IndexOutOfBoundsException("no field " + fieldIndex + " in " + table.type().wireName());
        }
        try {
            return read(table.kind(fieldIndex), fieldIndex + 1);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private Object read(FieldKind kind, int column) throws SQLException {
        switch (kind) {
            case ID:
                return resultSet.getObject(column, UUID.class);
            case TEXT:
            case ENUM:
                return resultSet.getString(column);
            case INTEGER: {
                int value = resultSet.getInt(column);
                return resultSet.wasNull() ? null : value;
            }
            case BOOLEAN: {
                boolean value = resultSet.getBoolean(column);
                return resultSet.wasNull() ? null : value;
            }
            case TIMESTAMP: {
                OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            }
            case TAGS:
                return tags(resultSet.getArray(column));
            default:
                throw new IllegalStateException("unknown field kind " + kind);
        }
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
}
