package com.helpdesk.export.rest.web.request;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.io.IOException;

/**
 * The second job on a request body: strict JSON into {@link ExportRequestBody}, in this order: the parse
 * ({@link StrictMapper}; its refusals translated by {@link JacksonErrors}), well-formed Unicode in every string
 * ({@link WellFormedText}), then what is required ({@link RequiredFields}). Every refusal names the field at fault in
 * {@code param}, as a request path ({@code resources[0].filters.colour}). What the values mean is the domain's to
 * decide ({@link RequestMapping}).
 */
final class StrictJson {

    private StrictJson() {}

    /** The body, read strictly and checked for shape. */
    static ExportRequestBody read(byte[] bytes) {
        ExportRequestBody parsed = parse(bytes);
        WellFormedText.require(parsed);
        RequiredFields.require(parsed);
        return parsed;
    }

    private static ExportRequestBody parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ExportException(ErrorCode.INVALID_JSON, "The request body is empty; send a JSON object.");
        }
        ExportRequestBody body;
        try {
            body = StrictMapper.MAPPER.readValue(bytes, ExportRequestBody.class);
        } catch (JsonMappingException e) {
            throw JacksonErrors.mappingError(e);
        } catch (JacksonException e) {
            throw JacksonErrors.syntaxError(e);
        } catch (IOException e) {
            throw new ExportException(ErrorCode.INVALID_JSON, "The request body could not be read.", null, e);
        }
        if (body == null) {
            throw new ExportException(ErrorCode.INVALID_JSON, "The request body must be a JSON object.");
        }
        return body;
    }
}
