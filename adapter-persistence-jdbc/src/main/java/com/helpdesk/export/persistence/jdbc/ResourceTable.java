package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.ResourceType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each resource type lives: its table and, for every field of the contract, its column. This fixed map is
 * the only source of identifiers in the SQL this adapter builds; values are always bound parameters.
 */
enum ResourceTable {
    TICKETS(ResourceType.TICKETS, "tickets", Map.ofEntries(
            Map.entry("id", "id"),
            Map.entry("title", "title"),
            Map.entry("status", "status"),
            Map.entry("priority", "priority"),
            Map.entry("customerId", "customer_id"),
            Map.entry("assignedTo", "assigned_to"),
            Map.entry("tags", "tags"),
            Map.entry("notes", "notes"),
            Map.entry("messageCount", "message_count"),
            Map.entry("createdAt", "created_at"),
            Map.entry("updatedAt", "updated_at"),
            Map.entry("resolvedAt", "resolved_at"))),
    CUSTOMERS(ResourceType.CUSTOMERS, "customers", Map.ofEntries(
            Map.entry("id", "id"),
            Map.entry("name", "name"),
            Map.entry("email", "email"),
            Map.entry("status", "status"),
            Map.entry("sentiment", "sentiment"),
            Map.entry("tags", "tags"),
            Map.entry("notes", "notes"),
            Map.entry("ticketCount", "ticket_count"),
            Map.entry("createdAt", "created_at"),
            Map.entry("updatedAt", "updated_at"))),
    ARTICLES(ResourceType.ARTICLES, "articles", Map.ofEntries(
            Map.entry("id", "id"),
            Map.entry("title", "title"),
            Map.entry("content", "content"),
            Map.entry("category", "category"),
            Map.entry("status", "status"),
            Map.entry("isPublic", "is_public"),
            Map.entry("tags", "tags"),
            Map.entry("viewCount", "view_count"),
            Map.entry("useCount", "use_count"),
            Map.entry("createdAt", "created_at"),
            Map.entry("updatedAt", "updated_at"),
            Map.entry("publishedAt", "published_at")));

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

    ResourceTable(ResourceType type, String table, Map<String, String> columnsByField) {
        this.type = type;
        this.table = table;
        this.columnsByField = columnsByField;
        List<Field> fields = type.fields();
        if (columnsByField.size() != fields.size()) {
            throw new IllegalStateException("the columns of " + table + " do not match the fields of " + type);
        }
        this.columns = new String[fields.size()];
        this.kinds = new FieldKind[fields.size()];
        for (Field field : fields) {
            String column = columnsByField.get(field.name());
            if (column == null) {
                throw new IllegalStateException("no column for field " + field.name() + " of " + type);
            }
            columns[field.index()] = column;
            kinds[field.index()] = field.kind();
        }
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

    /** The kind of the field a column holds. */
    FieldKind kindOfColumn(String column) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(column)) {
                return kinds[i];
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + table);
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
