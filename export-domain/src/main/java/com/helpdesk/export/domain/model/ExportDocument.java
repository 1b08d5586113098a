package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.port.Serializer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An export ready to be sent: what it holds and its sections, whose rows were already read and written by the
 * {@link Serializer} that writes the whole document.
 *
 * @param requestId          the id of the request, echoed in the document's metadata
 * @param team               whose rows these are
 * @param generatedAt        when the export was made
 * @param maxRowsPerResource the row limit in force
 */
public record ExportDocument(
        String requestId,
        TeamId team,
        Instant generatedAt,
        ExportFormat format,
        CsvOptions csv,
        int maxRowsPerResource,
        List<ResourceSection> sections) {
    public ExportDocument {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(csv, "csv");
        sections = List.copyOf(sections);
    }

    /** The number of rows in the document, all sections together. */
    public long totalRows() {
        long total = 0;
        for (ResourceSection section : sections) {
            total += section.summary().rows();
        }
        return total;
    }
}
