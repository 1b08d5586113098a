package com.helpdesk.export.csv;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import java.util.LinkedHashMap;
import java.util.Map;

/** A row of values by field name (custom fields by {@code customFields.<key>}); built by field name. */
final class TestRow implements Row {

    private final ResourceType type;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private TestRow(ResourceType type) {
        this.type = type;
    }

    static TestRow of(ResourceType type) {
        return new TestRow(type);
    }

    TestRow with(String field, Object value) {
        if (!field.startsWith(Field.CUSTOM_PREFIX)) {
            field(field);
        }
        values.put(field, value);
        return this;
    }

    Field field(String name) {
        return type.field(name).orElseThrow(() -> new IllegalArgumentException("no field " + name));
    }

    @Override
    public Object value(Field field) {
        return values.get(field.name());
    }

    @Override
    public String toString() {
        return type.wireName() + values;
    }
}
