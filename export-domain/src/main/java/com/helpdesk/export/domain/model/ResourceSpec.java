package com.helpdesk.export.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One resource of a request: its type, filters, the fields asked for (resolved against the team's custom fields in
 * the export's snapshot) and where to continue.
 */
public record ResourceSpec(ResourceType type, ResourceFilters filters, FieldSelection fields, Optional<Cursor> after) {
    public ResourceSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(after, "after");
        if (filters.type() != type || fields.type() != type) {
            throw new IllegalArgumentException("filters and fields must be of " + type);
        }
        after.ifPresent(c -> {
            if (c.type() != type) {
                throw new IllegalArgumentException("a cursor of " + c.type() + " cannot continue " + type);
            }
        });
    }

    public static ResourceSpec all(ResourceType type) {
        return new ResourceSpec(type, ResourceFilters.none(type), FieldSelection.all(type), Optional.empty());
    }
}
