package com.helpdesk.export.rest.web.request;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.ChangeSpec;
import com.helpdesk.export.domain.model.ChangesRequest;
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

    /**
     * A changes body: the export's body shape, of which the feed takes the resources' types, fields and cursors and the
     * format; {@code filters} is refused with the reason, {@code csv} as unknown.
     */
    static ChangesRequest toChanges(ExportRequestBody body) {
        ExportRequest.requireResourceCount(body.resources().size());
        List<ChangeSpec> specs = new ArrayList<>(body.resources().size());
        for (int i = 0; i < body.resources().size(); i++) {
            ExportRequestBody.ResourceBody resource = body.resources().get(i);
            String at = "resources[" + i + "]";
            if (resource.filters() != null) {
                throw new ExportException(ErrorCode.PARAMETER_UNKNOWN, ChangesRequest.NO_FILTERS, at + ".filters");
            }
            ResourceType type = ResourceType.parse(resource.type(), at + ".type");
            specs.add(new ChangeSpec(
                    type,
                    FieldSelection.parse(type, resource.fields(), at + ".fields"),
                    Optional.ofNullable(resource.cursor()).map(c -> ChangeCursor.decode(c, type, at + ".cursor"))));
        }
        if (body.csv() != null) {
            throw ExportException.unknown("csv");
        }
        return new ChangesRequest(specs, ExportFormat.parse(body.format(), "format"));
    }
}
