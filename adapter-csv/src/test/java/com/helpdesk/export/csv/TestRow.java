package com.helpdesk.export.csv;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;

import java.util.Arrays;

/** A row over an array indexed like its type's full field list; built by field name. */
final class TestRow implements Row {

    private final ResourceType type;
    private final Object[] values;

    private TestRow(ResourceType type) {
        this.type = type;
        this.values = new Object[type.fields().size()];
    }

    static TestRow of(ResourceType type) {
        return new TestRow(type);
    }

    TestRow with(String field, Object value) {
        values[field(field).index()] = value;
        return this;
    }

    Field field(String name) {
        return type.field(name).orElseThrow(() -> new IllegalArgumentException("no field " + name));
    }

    @Override
    public Object value(int fieldIndex) {
        return values[fieldIndex];
    }

    @Override
    public String toString() {
        return type.wireName() + Arrays.toString(values);
    }
}
