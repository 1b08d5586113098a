package com.helpdesk.export.rest.web.error;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.rest.observability.AccessLog;
import com.helpdesk.export.rest.observability.RequestFacts;
import com.helpdesk.export.rest.web.request.RequestIds;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.common.util.MediaTypeHelper;

/**
 * Router-level concerns, below JAX-RS: every request gets its id first; requests that no route takes, and
 * failures raised before JAX-RS (such as a body over the server's hard limit), still answer with the envelope.
 */
@ApplicationScoped
public class RouterSetup {

    private static final Logger LOG = Logger.getLogger(RouterSetup.class);
    /** Where a Content-Type that is not even a media type is kept, out of JAX-RS's way (see {@link #install}). */
    private static final String UNPARSEABLE_CONTENT_TYPE = "export.unparseableContentType";

    private final ErrorResponses errors;
    private final long hardBodyLimit;

    private final AccessLog accessLog;

    public RouterSetup(
            ErrorResponses errors,
            AccessLog accessLog,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize hardBodyLimit) {
        this.errors = errors;
        this.accessLog = accessLog;
        this.hardBodyLimit = hardBodyLimit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            RequestIds.of(context);
            accessLog.track(context);
            setAsideUnparseableContentType(context);
            if (declaredLength(context) > hardBodyLimit) {
                // the HTTP server would refuse it with a bare 413: answer in the envelope, before reading it
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(
                        context,
                        ErrorCode.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + hardBodyLimit + " bytes.");
                return;
            }
            context.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route()
                .last()
                .handler(context -> send(
                        context,
                        ErrorCode.RESOURCE_MISSING,
                        "No such route: " + context.request().method() + " "
                                + context.request().path() + "."));
    }

    /**
     * JAX-RS parses the Content-Type before the resource runs and refuses a malformed one (say
     * {@code application/json, text/plain}) with a 400, before the caller is authenticated. Such a header is set
     * aside here, so that the export checks it in the contract's order: 401/403 first, then 415.
     */
    private static void setAsideUnparseableContentType(RoutingContext context) {
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return;
        }
        try {
            MediaTypeHelper.valueOf(contentType);
        } catch (RuntimeException unparseable) {
            context.put(UNPARSEABLE_CONTENT_TYPE, contentType);
            context.request().headers().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /** The request's Content-Type as the client sent it, parseable or not. */
    public static String contentType(RoutingContext context, String parsedByJaxRs) {
        String unparseable = context.get(UNPARSEABLE_CONTENT_TYPE);
        return unparseable != null ? unparseable : parsedByJaxRs;
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void failure(RoutingContext context) {
        if (context.response().headWritten()) {
            LOG.errorf(
                    context.failure(),
                    "request %s failed after its response started; aborting the connection",
                    RequestIds.of(context));
            context.request().connection().close();
            return;
        }
        ErrorCode code = HttpErrors.forStatus(context.statusCode());
        if (code == ErrorCode.INTERNAL_ERROR) {
            LOG.errorf(context.failure(), "request %s failed below JAX-RS", RequestIds.of(context));
            send(context, code, HttpErrors.internalMessage(RequestIds.of(context)));
            return;
        }
        send(context, code, HttpErrors.defaultMessage(code));
    }

    private void send(RoutingContext context, ErrorCode code, String message) {
        String requestId = RequestIds.of(context);
        RequestFacts.failed(context, code);
        context.response()
                .setStatusCode(HttpErrors.status(code))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(RequestIds.HEADER, requestId)
                .end(Buffer.buffer(errors.bytes(code, message, requestId)));
    }
}
