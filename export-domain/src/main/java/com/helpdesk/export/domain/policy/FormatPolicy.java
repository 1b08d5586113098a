package com.helpdesk.export.domain.policy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportRequest;

/**
 * Whether a request's format suits its resources: CSV and NDJSON hold exactly one resource (one table, or one record
 * a line, per file), and CSV options are only taken with CSV. JSON and XLSX hold as many resources as a request
 * names (one to five; in XLSX a sheet each).
 */
public final class FormatPolicy {

    public Decision<ExportFormat> decide(ExportRequest request) {
        if (request.format() == ExportFormat.CSV && request.resources().size() != 1) {
            return Decision.rejected(
                    ErrorCode.PARAMETER_INVALID,
                    "A CSV export takes exactly one resource; ask for JSON to export several at once.",
                    "resources");
        }
        if (request.format() == ExportFormat.NDJSON && request.resources().size() != 1) {
            return Decision.rejected(
                    ErrorCode.PARAMETER_INVALID,
                    "An NDJSON export takes exactly one resource; ask for JSON or XLSX to export several at once.",
                    "format");
        }
        if (request.format() != ExportFormat.CSV && request.csv().isPresent()) {
            return Decision.rejected(
                    ErrorCode.PARAMETER_INVALID, "csv options are only taken when format is csv.", "csv");
        }
        return Decision.allowed(request.format());
    }
}
