package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.port.Serializer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * One resource of an export document: the fields written, in order, what the section holds, and its rows as its
 * {@link Serializer} wrote them.
 */
public record ResourceSection(ResourceType type, List<Field> fields, PageSummary summary, Content rows) {
    public ResourceSection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(rows, "rows");
        fields = List.copyOf(fields);
    }

    /** Bytes already written, that can be copied out (any number of times). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
