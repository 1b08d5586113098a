package com.helpdesk.export.rest.web;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * The export request body as it arrives (contract §1). Jackson binds it strictly (unknown keys, wrong JSON types
 * and trailing tokens are errors); Jakarta Validation checks its shape; the domain's records then check meaning.
 * A {@code null} optional value means the same as leaving it out.
 */
@RegisterForReflection
public record ExportRequestBody(
        @NotNull @Size(min = 1, max = 3, message = "takes 1 to 3 entries") List<@NotNull @Valid ResourceBody> resources,
        @Pattern(regexp = "json|csv", message = "must be one of: json, csv") String format,
        @Valid CsvBody csv) {

    /** One entry of {@code resources}. Filters stay a plain map: which keys a type takes is the domain's rule. */
    @RegisterForReflection
    public record ResourceBody(
            @NotNull @Pattern(regexp = "tickets|customers|articles",
                    message = "must be one of: tickets, customers, articles") String type,
            Map<String, Object> filters,
            @Size(min = 1, message = "must not be empty; leave it out to export every field") List<String> fields,
            String cursor) {
    }

    /** CSV options. */
    @RegisterForReflection
    public record CsvBody(Boolean bom) {
    }
}
