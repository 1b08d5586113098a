package com.helpdesk.export.rest.web.error;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.rest.web.request.RequestIds;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every exception that reaches JAX-RS to the error envelope, through {@link ErrorResponses}; codes and statuses
 * come from {@link HttpErrors}.
 */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    private final ErrorResponses errors;

    public ExceptionMappers(ErrorResponses errors) {
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response export(ExportException e, RoutingContext context) {
        String requestId = RequestIds.of(context);
        if (e.code() == ErrorCode.INTERNAL_ERROR || e.code() == ErrorCode.SERVICE_UNAVAILABLE) {
            LOG.errorf(e.getCause(), "request %s failed: %s", requestId, e.getMessage());
        }
        return errors.response(e, requestId);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, RoutingContext context) {
        return errors.response(
                ErrorCode.RESOURCE_MISSING,
                "No such route: " + context.request().method() + " "
                        + context.request().path() + ".",
                null,
                RequestIds.of(context));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, RoutingContext context) {
        Response response = errors.response(
                ErrorCode.METHOD_NOT_ALLOWED,
                "Method " + context.request().method() + " is not allowed here.",
                null,
                RequestIds.of(context));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow == null && EXPORT_PATH.matcher(context.normalizedPath()).matches()) {
            // JAX-RS's own 405 names no method; the export path takes POST only
            allow = "POST";
        }
        return allow == null
                ? response
                : Response.fromResponse(response)
                        .header(HttpHeaders.ALLOW, allow)
                        .build();
    }

    private static final Pattern EXPORT_PATH = Pattern.compile("/api/v1/teams/[^/]+/export/?");

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, RoutingContext context) {
        return errors.response(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                HttpErrors.defaultMessage(ErrorCode.UNSUPPORTED_MEDIA_TYPE),
                null,
                RequestIds.of(context));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, RoutingContext context) {
        ErrorCode code = e.getResponse().getStatus() < 400
                ? ErrorCode.INTERNAL_ERROR
                : HttpErrors.forStatus(e.getResponse().getStatus());
        if (code == ErrorCode.INTERNAL_ERROR) {
            return unexpected(e, context);
        }
        return errors.response(code, HttpErrors.defaultMessage(code), null, RequestIds.of(context));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, RoutingContext context) {
        String requestId = RequestIds.of(context);
        LOG.errorf(e, "request %s failed unexpectedly", requestId);
        return errors.response(ErrorCode.INTERNAL_ERROR, HttpErrors.internalMessage(requestId), null, requestId);
    }
}
