package com.helpdesk.export.domain.model;

import java.util.List;
import java.util.Objects;

/** One resource of an export, once read: its type, the fields written (in order) and what it holds. */
public record ExportSection(ResourceType type, List<Field> fields, PageSummary summary) {

    public ExportSection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(summary, "summary");
        fields = List.copyOf(fields);
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
