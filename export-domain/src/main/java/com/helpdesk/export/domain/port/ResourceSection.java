package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.ResourceType;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One resource of an export document: the fields to write, in order, what the section holds, and its rows.
 */
public record ResourceSection(ResourceType type, List<Field> fields, PageSummary summary, RowSource rows) {
    public ResourceSection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(rows, "rows");
        fields = List.copyOf(fields);
    }

    /** Gives the section's rows, once, in order. */
    @FunctionalInterface
    public interface RowSource {
        void forEach(RowConsumer consumer) throws IOException;
    }
}
