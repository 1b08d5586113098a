package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.ResourceType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each resource type lives: its table and, for every field of the contract, its column (or, for a message's
 * {@code authorId}, the expression over its columns). This fixed map, and the keys of custom fields (which match
 * {@code [a-z][a-z0-9_]{0,39}} in the domain and in the database), are the only text in the SQL this adapter builds
 * that is not its own; values are bound ({@link BoundValues}). A team's custom fields of a type are read from
 * {@value #CUSTOM_FIELDS} ({@link #customValue}).
 */
enum ResourceTable {
    TICKETS(
            ResourceType.TICKETS,
            "tickets",
            Map.ofEntries(
                    Map.entry("id", "id"),
                    Map.entry("title", "title"),
                    Map.entry("status", "status"),
                    Map.entry("priority", "priority"),
                    Map.entry("customerId", "customer_id"),
                    Map.entry("assignedTo", "assigned_to"),
                    Map.entry("tags", "tags"),
                    Map.entry("notes", "notes"),
                    Map.entry("messageCount", "message_count"),
                    Map.entry("responseDeadline", "response_deadline"),
                    Map.entry("resolutionDeadline", "resolution_deadline"),
                    Map.entry("createdAt", "created_at"),
                    Map.entry("updatedAt", "updated_at"),
                    Map.entry("resolvedAt", "resolved_at"),
                    Map.entry("metadata", "metadata"),
                    Map.entry("customFields", ResourceTable.CUSTOM_FIELDS))),
    CUSTOMERS(
            ResourceType.CUSTOMERS,
            "customers",
            Map.ofEntries(
                    Map.entry("id", "id"),
                    Map.entry("name", "name"),
                    Map.entry("email", "email"),
                    Map.entry("phone", "phone"),
                    Map.entry("status", "status"),
                    Map.entry("sentiment", "sentiment"),
                    Map.entry("tags", "tags"),
                    Map.entry("notes", "notes"),
                    Map.entry("ticketCount", "ticket_count"),
                    Map.entry("createdAt", "created_at"),
                    Map.entry("updatedAt", "updated_at"),
                    Map.entry("metadata", "metadata"),
                    Map.entry("customFields", ResourceTable.CUSTOM_FIELDS))),
    ARTICLES(
            ResourceType.ARTICLES,
            "articles",
            Map.ofEntries(
                    Map.entry("id", "id"),
                    Map.entry("title", "title"),
                    Map.entry("slug", "slug"),
                    Map.entry("content", "content"),
                    Map.entry("category", "category"),
                    Map.entry("status", "status"),
                    Map.entry("isPublic", "is_public"),
                    Map.entry("tags", "tags"),
                    Map.entry("seoTitle", "seo_title"),
                    Map.entry("seoDescription", "seo_description"),
                    Map.entry("viewCount", "view_count"),
                    Map.entry("useCount", "use_count"),
                    Map.entry("createdAt", "created_at"),
                    Map.entry("updatedAt", "updated_at"),
                    Map.entry("publishedAt", "published_at"))),
    MESSAGES(
            ResourceType.MESSAGES,
            "messages",
            Map.ofEntries(
                    Map.entry("id", "id"),
                    Map.entry("ticketId", "ticket_id"),
                    Map.entry("sender", "sender"),
                    // the author's public id: the agent's mem_…, the customer's cus_… (the table's CHECK says which one
                    // is
                    // set, by sender), null for a system message
                    Map.entry(
                            "authorId",
                            "CASE sender WHEN 'agent' THEN 'mem_' || replace(author_member_id::text, '-', '')"
                                    + " WHEN 'customer' THEN 'cus_' || replace(author_customer_id::text, '-', '') END"),
                    Map.entry("senderName", "sender_name"),
                    Map.entry("isInternal", "is_internal"),
                    Map.entry("content", "content"),
                    Map.entry("createdAt", "created_at"))),
    MEMBERS(
            ResourceType.MEMBERS,
            "members",
            Map.ofEntries(
                    Map.entry("id", "id"),
                    Map.entry("name", "name"),
                    Map.entry("email", "email"),
                    Map.entry("role", "role"),
                    Map.entry("createdAt", "created_at")));

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
