package com.helpdesk.export.rest.web.request;

import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.domain.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The third job on a request body: its parts handed to the domain, which decides what each value means and says,
 * naming the field, what is wrong with it (types, fields, filters, cursors, format, the number of resources).
 */
final class RequestMapping {

    private RequestMapping() {}

    static ExportRequest toDomain(ExportRequestBody body) {
        ExportRequest.requireResourceCount(body.resources().size());
        List<ResourceSpec> specs = new ArrayList<>(body.resources().size());
        for (int i = 0; i < body.resources().size(); i++) {
            ExportRequestBody.ResourceBody resource = body.resources().get(i);
            String at = "resources[" + i + "]";
            ResourceType type = ResourceType.parse(resource.type(), at + ".type");
            specs.add(new ResourceSpec(
                    type,
                    ResourceFilters.parse(type, resource.filters(), at + ".filters"),
                    FieldSelection.parse(type, resource.fields(), at + ".fields"),
                    Optional.ofNullable(resource.cursor()).map(c -> Cursor.decode(c, type, at + ".cursor"))));
        }
        ExportFormat format = ExportFormat.parse(body.format(), "format");
        Optional<CsvOptions> csv =
                Optional.ofNullable(body.csv()).map(c -> new CsvOptions(Boolean.TRUE.equals(c.bom())));
        return new ExportRequest(specs, format, csv);
    }
}
