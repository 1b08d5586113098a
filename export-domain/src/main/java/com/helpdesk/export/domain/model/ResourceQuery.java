package com.helpdesk.export.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which rows of one type to read: those matching the filters, after the cursor, at most {@code limit}; and which
 * of their fields the export writes (a reader need not read the others), the team's custom fields among them. The
 * type's {@code customFields} field itself, where present, marks that the request named the whole group (so that
 * JSON writes {@code "customFields": {}} for a team that defines none); there is nothing to read for it.
 */
public record ResourceQuery(
        ResourceType type, ResourceFilters filters, List<Field> fields, Optional<Cursor> after, int limit) {
    private static boolean ofType(ResourceType type, Field field) {
        if (field.isCustom()) {
            return type.hasCustomFields() && type.fields().get(field.index()).kind() == FieldKind.CUSTOM;
        }
        return type.fields().get(field.index()) == field;
    }

    public ResourceQuery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(after, "after");
        fields = List.copyOf(fields);
        if (filters.type() != type || after.map(c -> c.type() != type).orElse(false)) {
            throw new IllegalArgumentException("filters and cursor must be of " + type);
        }
        if (fields.isEmpty() || fields.stream().anyMatch(f -> !ofType(type, f))) {
            throw new IllegalArgumentException("fields must be a non-empty list of fields of " + type);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
