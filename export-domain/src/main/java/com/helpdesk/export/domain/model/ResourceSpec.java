package com.helpdesk.export.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource of a request: its type, filters, the fields to write (in order) and where to continue.
 */
public record ResourceSpec(ResourceType type, ResourceFilters filters, List<Field> fields, Optional<Cursor> after) {
    public ResourceSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(after, "after");
        fields = List.copyOf(fields);
        if (filters.type() != type) {
            throw new IllegalArgumentException("filters are for " + filters.type() + ", not " + type);
        }
        if (fields.isEmpty() || fields.stream().anyMatch(f -> type.fields().get(f.index()) != f)
                || fields.stream().distinct().count() != fields.size()) {
            throw new IllegalArgumentException("fields must be a non-empty list of distinct fields of " + type);
        }
        after.ifPresent(c -> {
            if (c.type() != type) {
                throw new IllegalArgumentException("a cursor of " + c.type() + " cannot continue " + type);
            }
        });
    }

    public static ResourceSpec all(ResourceType type) {
        return new ResourceSpec(type, ResourceFilters.none(type), type.fields(), Optional.empty());
    }
}
