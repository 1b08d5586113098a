package com.helpdesk.export.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource of an export, once read: its type, the fields written (in order), what it holds, and the cursor of the
 * change feed at the export's snapshot (following the feed from it misses no change made after the snapshot), when
 * the reader keeps a feed.
 */
public record ExportSection(
        ResourceType type, List<Field> fields, PageSummary summary, Optional<ChangeCursor> syncCursor) {

    public ExportSection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(syncCursor, "syncCursor");
        fields = List.copyOf(fields);
        syncCursor.ifPresent(c -> {
            if (c.type() != type) {
                throw new IllegalArgumentException("the sync cursor of " + type + " is of " + c.type());
            }
        });
    }

    /** A section without a sync cursor (a reader that keeps no change feed). */
    public ExportSection(ResourceType type, List<Field> fields, PageSummary summary) {
        this(type, fields, summary, Optional.empty());
    }

    /** The rows of every section together. */
    public static long totalRows(List<ExportSection> sections) {
        long total = 0;
        for (ExportSection section : sections) {
            total += section.summary().rows();
        }
        return total;
    }
}
