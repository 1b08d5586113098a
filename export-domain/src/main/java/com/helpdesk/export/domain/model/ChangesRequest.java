package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ExportException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller asks of the change feed: one to five resources (each type at most once) and a format, JSON or NDJSON
 * (NDJSON one resource: a change a line). A table format cannot say that a row was deleted, so CSV and XLSX are
 * refused. Filters are not part of a changes request: a row that stops matching a filter could not be reported.
 */
public record ChangesRequest(List<ChangeSpec> resources, ExportFormat format) {

    /** Why a changes request takes no filters, for whoever reads one. */
    public static final String NO_FILTERS = "The changes feed takes no filters: a row that stops matching a filter "
            + "could not be reported as gone. Follow the whole feed of the type and filter the copy.";

    public ChangesRequest {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(format, "format");
        resources = List.copyOf(resources);
        ExportRequest.requireResourceCount(resources.size());
        Set<ResourceType> seen = EnumSet.noneOf(ResourceType.class);
        for (int i = 0; i < resources.size(); i++) {
            if (!seen.add(resources.get(i).type())) {
                throw ExportException.invalid(
                        "resources[" + i + "].type",
                        "Resource type '" + resources.get(i).type().wireName() + "' is listed more than once.");
            }
        }
        requireFormat(format);
        if (format == ExportFormat.NDJSON && resources.size() != 1) {
            throw ExportException.invalid(
                    "format", "An NDJSON changes call takes exactly one resource; ask for JSON to follow several.");
        }
    }

    /** The formats a change can be written in: JSON and NDJSON (a table has no way to say that a row is gone). */
    public static void requireFormat(ExportFormat format) {
        if (format != ExportFormat.JSON && format != ExportFormat.NDJSON) {
            throw ExportException.invalid(
                    "format",
                    "The changes feed is given as json or ndjson; " + format.wireName()
                            + " cannot say that a row was deleted.");
        }
    }
}
