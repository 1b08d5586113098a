package com.helpdesk.export.rest.web.request;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * The export request body as it arrives. Jackson binds it strictly (unknown keys, wrong JSON types
 * and trailing tokens are errors); {@link RequiredFields} checks only its shape: what must be there. What the values
 * mean (types, formats, fields, filters, how many resources) is the domain's to decide, with its own messages: no
 * rule is written twice. (Sizes need no guard here: the whole body is at most 64 KiB.) A {@code null} optional
 * value means the same as leaving it out.
 */
@RegisterForReflection
public record ExportRequestBody(List<ResourceBody> resources, String format, CsvBody csv) {

    /** One entry of {@code resources}. Filters stay a plain map: which keys a type takes is the domain's rule. */
    @RegisterForReflection
    public record ResourceBody(String type, Map<String, Object> filters, List<String> fields, String cursor) {}

    /** CSV options. */
    @RegisterForReflection
    public record CsvBody(Boolean bom) {}
}
