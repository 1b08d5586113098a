package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ExportException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller asks to export: one to five resources (each type at most once), a format and, for CSV only,
 * CSV options. Whether the format suits the resources is the {@code FormatPolicy}'s decision.
 */
public record ExportRequest(List<ResourceSpec> resources, ExportFormat format, Optional<CsvOptions> csv) {
    /**
     * The rule on how many resources one request names, for whoever reads a request before its resources are parsed
     * (so that a request of 3,000 entries is refused for its count, not for its 2,999th entry).
     */
    public static void requireResourceCount(int count) {
        if (count < 1 || count > ResourceType.MAX_RESOURCES_PER_REQUEST) {
            throw ExportException.invalid(
                    "resources", "resources takes 1 to " + ResourceType.MAX_RESOURCES_PER_REQUEST + " entries.");
        }
    }

    public ExportRequest {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(csv, "csv");
        resources = List.copyOf(resources);
        requireResourceCount(resources.size());
        Set<ResourceType> seen = EnumSet.noneOf(ResourceType.class);
        for (int i = 0; i < resources.size(); i++) {
            if (!seen.add(resources.get(i).type())) {
                throw ExportException.invalid(
                        "resources[" + i + "].type",
                        "Resource type '" + resources.get(i).type().wireName() + "' is listed more than once.");
            }
        }
    }
}
