package com.helpdesk.export.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What an export document says of itself before any row is read: which request made it, for which team, when, in
 * which format (with its options), under which row limit.
 *
 * @param requestId          the id of the request, echoed in the document's metadata
 * @param team               whose rows these are
 * @param generatedAt        when the export was made
 * @param maxRowsPerResource the row limit in force
 */
public record ExportHead(
        String requestId,
        TeamId team,
        Instant generatedAt,
        ExportFormat format,
        CsvOptions csv,
        int maxRowsPerResource) {

    public ExportHead {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(csv, "csv");
        if (maxRowsPerResource < 1) {
            throw new IllegalArgumentException("the row limit must be positive");
        }
    }
}
