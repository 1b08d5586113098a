package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceType;

import java.util.Objects;
import java.util.Optional;

/** Which rows of one type to read: those matching the filters, after the cursor, at most {@code limit}. */
public record ResourceQuery(ResourceType type, ResourceFilters filters, Optional<Cursor> after, int limit) {
    public ResourceQuery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(after, "after");
        if (filters.type() != type || after.map(c -> c.type() != type).orElse(false)) {
            throw new IllegalArgumentException("filters and cursor must be of " + type);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
