package com.helpdesk.export.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One resource of a changes request: its type, the fields its records hold ({@code id} always first) and the cursor
 * to continue after (none: from the beginning, every current row).
 */
public record ChangeSpec(ResourceType type, FieldSelection fields, Optional<ChangeCursor> after) {
    public ChangeSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(after, "after");
        if (fields.type() != type) {
            throw new IllegalArgumentException("fields must be of " + type);
        }
        after.ifPresent(c -> {
            if (c.type() != type) {
                throw new IllegalArgumentException("a cursor of " + c.type() + " cannot continue " + type);
            }
        });
    }
}
