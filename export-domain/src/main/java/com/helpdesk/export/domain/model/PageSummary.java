package com.helpdesk.export.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What one resource of an export holds: {@code rows} rows; whether more rows match after them; and, when they
 * do, the cursor that continues after the last row given.
 */
public record PageSummary(int rows, boolean hasMore, Optional<Cursor> nextCursor) {
    public PageSummary {
        Objects.requireNonNull(nextCursor, "nextCursor");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        if (hasMore != nextCursor.isPresent()) {
            throw new IllegalArgumentException("a next cursor is given exactly when more rows match");
        }
        if (hasMore && rows == 0) {
            throw new IllegalArgumentException("more rows cannot match after an empty page");
        }
    }
}
