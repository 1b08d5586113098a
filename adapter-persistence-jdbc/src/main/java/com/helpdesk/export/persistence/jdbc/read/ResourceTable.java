package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.ResourceType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each resource type lives: its table, named as the type is on the wire, and for every field of the contract
 * its column, named by one rule ({@link #columnName}: {@code customerId} is {@code customer_id}), or an expression
 * over its columns where a field is not stored as itself (a message's {@code authorId}). These names, and the keys of
 * custom fields (which match {@code [a-z][a-z0-9_]{0,39}} in the domain and in the database), are the only text in
 * the SQL this adapter builds that is not its own; values are bound ({@link BoundValues}). A team's custom fields of a
 * type are read from {@value #CUSTOM_FIELDS} ({@link #customValue}).
 */
enum ResourceTable {
    TICKETS(ResourceType.TICKETS, Map.of()),
    CUSTOMERS(ResourceType.CUSTOMERS, Map.of()),
    ARTICLES(ResourceType.ARTICLES, Map.of()),
    MESSAGES(
            ResourceType.MESSAGES,
            // the author's public id: the agent's mem_…, the customer's cus_… (the table's CHECK says which one is
            // set, by sender), null for a system message
            Map.of(
                    "authorId",
                    "CASE sender WHEN 'agent' THEN 'mem_' || replace(author_member_id::text, '-', '')"
                            + " WHEN 'customer' THEN 'cus_' || replace(author_customer_id::text, '-', '') END")),
    MEMBERS(ResourceType.MEMBERS, Map.of());

    /** The jsonb column of a record's custom field values, {@code {"<key>": <value>}}. */
    static final String CUSTOM_FIELDS = "custom_fields";

    private static final Map<ResourceType, ResourceTable> BY_TYPE = new EnumMap<>(ResourceType.class);

    static {
        for (ResourceTable table : values()) {
            BY_TYPE.put(table.type, table);
        }
        for (ResourceType type : ResourceType.values()) {
            if (!BY_TYPE.containsKey(type)) {
                throw new ExceptionInInitializerError("no table for resource type " + type);
            }
        }
    }

    private final ResourceType type;
    private final String table;
    private final Map<String, String> columnsByField;
    private final String[] columns;
    private final FieldKind[] kinds;

    /**
     * @param expressions the fields not stored as a column of their own name, and the expression of each
     */
    ResourceTable(ResourceType type, Map<String, String> expressions) {
        this.type = type;
        this.table = type.wireName();
        List<Field> fields = type.fields();
        this.columns = new String[fields.size()];
        this.kinds = new FieldKind[fields.size()];
        Map<String, String> byField = new HashMap<>();
        for (Field field : fields) {
            String column = expressions.getOrDefault(field.name(), columnName(field.name()));
            byField.put(field.name(), column);
            columns[field.index()] = column;
            kinds[field.index()] = field.kind();
        }
        if (!byField.keySet().containsAll(expressions.keySet())) {
            throw new IllegalStateException("an expression for a field " + type + " does not have: " + expressions);
        }
        this.columnsByField = Map.copyOf(byField);
    }

    /** The column of a field stored as itself: its name in snake case ({@code isPublic} is {@code is_public}). */
    static String columnName(String fieldName) {
        StringBuilder column = new StringBuilder(fieldName.length() + 4);
        for (int i = 0; i < fieldName.length(); i++) {
            char c = fieldName.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column.append('_').append((char) (c - 'A' + 'a'));
            } else {
                column.append(c);
            }
        }
        return column.toString();
    }

    static ResourceTable of(ResourceType type) {
        return BY_TYPE.get(type);
    }

    ResourceType type() {
        return type;
    }

    String table() {
        return table;
    }

    int fieldCount() {
        return columns.length;
    }

    FieldKind kind(int fieldIndex) {
        return kinds[fieldIndex];
    }

    /** The column (or expression) of the field at {@code fieldIndex}. */
    String columnOf(int fieldIndex) {
        return columns[fieldIndex];
    }

    /** Whether the rows are live or test (every type but members, which are the team's in both modes). */
    boolean scopedByMode() {
        return type.scopedByMode();
    }

    /**
     * The expression of one custom field's value, typed by its kind: text, select and date as text, number as
     * numeric, boolean as boolean; null where the record holds no value. The key is quoted as a literal: it
     * matches {@code [a-z][a-z0-9_]{0,39}} (checked again here, so that nothing else can reach the SQL).
     */
    String customValue(CustomFieldDefinition definition) {
        if (!type.hasCustomFields()) {
            throw new IllegalArgumentException(type + " has no custom fields");
        }
        String key = definition.key();
        if (!CustomFieldDefinition.KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a custom field key: " + key);
        }
        return switch (definition.kind()) {
            case TEXT, SELECT, DATE -> "(" + CUSTOM_FIELDS + " ->> '" + key + "')";
            case NUMBER -> "(" + CUSTOM_FIELDS + " -> '" + key + "')::numeric";
            case BOOLEAN -> "(" + CUSTOM_FIELDS + " -> '" + key + "')::boolean";
        };
    }

    /** The column of a field named in a filter definition's targets. */
    String column(String fieldName) {
        String column = columnsByField.get(fieldName);
        if (column == null) {
            throw new IllegalArgumentException("no column for field " + fieldName + " of " + type);
        }
        return column;
    }
}
