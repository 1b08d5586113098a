package com.helpdesk.export.rest.web.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.export.domain.error.ErrorCategory;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.rest.RestSettings;
import com.helpdesk.export.rest.observability.RequestFacts;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The one place where failures become the contract's error envelope (with the status of {@link HttpErrors}). Both
 * the JAX-RS exception mappers and the router-level handlers (unknown routes, oversized bodies) answer through it.
 */
@ApplicationScoped
public class ErrorResponses {

    private final RestSettings settings;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final CurrentVertxRequest currentRequest;

    public ErrorResponses(RestSettings settings, ObjectMapper mapper, Clock clock, CurrentVertxRequest currentRequest) {
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
        this.currentRequest = currentRequest;
    }

    public ErrorEnvelope envelope(ErrorCode code, String message, String param, String requestId) {
        return envelope(code, message, param, requestId, null);
    }

    private ErrorEnvelope envelope(ErrorCode code, String message, String param, String requestId, Long retryAfter) {
        return new ErrorEnvelope(
                false,
                new ErrorEnvelope.Error(
                        code.category().wireName(),
                        code.wireName(),
                        message,
                        param,
                        settings.docsBaseUrl() + "#" + code.wireName(),
                        requestId,
                        retryAfter),
                new ErrorEnvelope.Meta(
                        clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    public Response response(ExportException e, String requestId) {
        Long retryAfter = e.retryAfterSeconds().isPresent()
                ? Long.valueOf(e.retryAfterSeconds().getAsLong())
                : null;
        return response(e.code(), e.getMessage(), e.param(), requestId, retryAfter);
    }

    public Response response(ErrorCode code, String message, String param, String requestId) {
        return response(code, message, param, requestId, null);
    }

    /**
     * A 429 tells when to retry in {@code Retry-After} and in {@code error.retryAfter}; a 503 only in the header, with
     * the configured wait unless the failure knew better.
     */
    private Response response(ErrorCode code, String message, String param, String requestId, Long retryAfter) {
        RequestFacts.failed(currentRequest.getCurrent(), code);
        Long inBody = code.category() == ErrorCategory.RATE_LIMIT ? retryAfter : null;
        Long inHeader = retryAfter != null
                ? retryAfter
                : code == ErrorCode.SERVICE_UNAVAILABLE ? Long.valueOf(settings.unavailableRetryAfterSeconds()) : null;
        Response.ResponseBuilder builder = Response.status(HttpErrors.status(code))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(envelope(code, message, param, requestId, inBody));
        if (inHeader != null) {
            builder.header("Retry-After", inHeader);
        }
        return builder.build();
    }

    /** The envelope as bytes, for handlers below JAX-RS. */
    public byte[] bytes(ErrorCode code, String message, String requestId) {
        try {
            return mapper.writeValueAsBytes(envelope(code, message, null, requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the error envelope cannot fail to serialize", e);
        }
    }
}
