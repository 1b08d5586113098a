package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ExportException;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller asks to export: one to three resources (each type at most once), a format and, for CSV only,
 * CSV options. Whether the format suits the resources is the {@code FormatPolicy}'s decision.
 */
public record ExportRequest(List<ResourceSpec> resources, ExportFormat format, Optional<CsvOptions> csv) {
    public ExportRequest {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(csv, "csv");
        resources = List.copyOf(resources);
        if (resources.isEmpty() || resources.size() > ResourceType.MAX_RESOURCES_PER_REQUEST) {
            throw ExportException.invalid("resources", "resources takes 1 to "
                    + ResourceType.MAX_RESOURCES_PER_REQUEST + " entries.");
        }
        Set<ResourceType> seen = EnumSet.noneOf(ResourceType.class);
        for (int i = 0; i < resources.size(); i++) {
            if (!seen.add(resources.get(i).type())) {
                throw ExportException.invalid("resources[" + i + "].type", "Resource type '"
                        + resources.get(i).type().wireName() + "' is listed more than once.");
            }
        }
    }
}
