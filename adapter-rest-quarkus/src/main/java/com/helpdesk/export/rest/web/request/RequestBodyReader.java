package com.helpdesk.export.rest.web.request;

import com.helpdesk.export.domain.model.ChangesRequest;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.rest.RestSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;

/**
 * Turns a request's media type and body into a domain {@link ExportRequest}, in the contract's order, one job per
 * class: {@link BodyGuard} (media type 415, size 413, UTF-8), {@link StrictJson} (JSON syntax and shape:
 * {@code invalid_json}, unknown keys, wrong JSON types, required fields), then {@link RequestMapping} (the domain's
 * own rules). Every refusal names the field at fault in {@code param}.
 */
@ApplicationScoped
public class RequestBodyReader {

    private final BodyGuard guard;

    public RequestBodyReader(RestSettings settings) {
        this.guard = new BodyGuard(settings.maxBodyBytes());
    }

    public ExportRequest read(String contentType, InputStream body) {
        return RequestMapping.toDomain(StrictJson.read(guard.admit(contentType, body)));
    }

    /** A changes call's body, through the same three jobs. */
    public ChangesRequest readChanges(String contentType, InputStream body) {
        return RequestMapping.toChanges(StrictJson.read(guard.admit(contentType, body)));
    }
}
