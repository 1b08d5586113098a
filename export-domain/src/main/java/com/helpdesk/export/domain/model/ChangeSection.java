package com.helpdesk.export.domain.model;

import java.util.List;
import java.util.Objects;

/** One resource of a changes answer, once read: its type, the fields of its records, what it holds, and its cursor. */
public record ChangeSection(ResourceType type, List<Field> fields, ChangePage page, ChangeCursor nextCursor) {
    public ChangeSection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(nextCursor, "nextCursor");
        fields = List.copyOf(fields);
    }

    /** The changes of every section together. */
    public static long totalChanges(List<ChangeSection> sections) {
        long total = 0;
        for (ChangeSection section : sections) {
            total += section.page().changes();
        }
        return total;
    }
}
