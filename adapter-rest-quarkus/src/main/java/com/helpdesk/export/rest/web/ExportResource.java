package com.helpdesk.export.rest.web;

import com.helpdesk.export.application.port.in.ExportCommand;
import com.helpdesk.export.application.port.in.ExportUseCase;
import com.helpdesk.export.application.port.in.PreparedExport;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.port.ExportDocument;
import com.helpdesk.export.domain.port.PageSummary;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.rest.observability.RequestFacts;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.util.Optional;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code POST /api/v1/teams/{teamId}/export}: every check happens before the first byte, so failures answer with
 * the error envelope; then the rows stream from the database cursor to the client. A failure after the first
 * byte aborts the connection, so that no client takes a cut-off export for a whole one.
 */
@Path("/api/v1/teams/{teamId}/export")
public class ExportResource {

    static final String CSV_MEDIA_TYPE = "text/csv; charset=utf-8; header=present";
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(ExportResource.class);

    private final ExportUseCase exports;
    private final RequestBodyReader bodyReader;
    private final RateLimitHeaders rateLimitHeaders;

    public ExportResource(ExportUseCase exports, RequestBodyReader bodyReader, RateLimitHeaders rateLimitHeaders) {
        this.exports = exports;
        this.bodyReader = bodyReader;
        this.rateLimitHeaders = rateLimitHeaders;
    }

    @POST
    public Response export(@PathParam("teamId") String teamId, @Context HttpHeaders headers,
                           @Context RoutingContext context, InputStream body) {
        String requestId = RequestIds.of(context);
        Optional<String> presented = BearerToken.from(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        RequestFacts.exportAttempt(context, teamId, presented.map(ExportResource::displayPrefix).orElse(null));
        ExportCommand command = new ExportCommand(
                presented, teamId,
                () -> bodyReader.read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body), requestId,
                clientAddress(context), status -> rateLimitHeaders.write(context.response(), status));
        PreparedExport export = exports.prepare(command);
        ExportDocument document = export.document();
        RequestFacts.exporting(context, document.format().wireName(),
                document.sections().stream().map(s -> s.type().wireName()).toArray(String[]::new),
                document.sections().stream().mapToLong(s -> s.summary().rows()).toArray());
        StreamingOutput stream = output -> {
            try {
                export.writeTo(output);
            } catch (RuntimeException | java.io.IOException | Error e) {
                RequestFacts.aborted(context);
                abort(context.response(), requestId, e);
                throw e;
            }
        };
        Response.ResponseBuilder response = Response.ok(stream);
        if (document.format() == ExportFormat.CSV) {
            PageSummary summary = document.sections().get(0).summary();
            response.type(CSV_MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + document.sections().get(0).type().wireName()
                            + "-" + document.team() + "-" + FILE_TIME.format(document.generatedAt()) + ".csv\"")
                    .header("X-Total-Rows", document.totalRows())
                    .header("X-Has-More", summary.hasMore());
            summary.nextCursor().ifPresent(cursor -> response.header("X-Next-Cursor", cursor.encode()));
        } else {
            response.type("application/json");
        }
        return response.build();
    }

    /** What a log may show of a presented key: its display prefix, only when it has the format of a key. */
    private static String displayPrefix(String presented) {
        try {
            return ApiKey.parse(presented).displayPrefix();
        } catch (ExportException notAKey) {
            return null;
        }
    }

    /** The peer's address; behind a proxy, enable {@code quarkus.http.proxy.proxy-address-forwarding}. */
    private static String clientAddress(RoutingContext context) {
        var address = context.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    /**
     * Ends the connection without the final chunk: a chunked transfer that never terminates is an error to every
     * HTTP client, where a cleanly ended body would look complete.
     */
    private static void abort(HttpServerResponse response, String requestId, Throwable cause) {
        LOG.errorf(cause, "request %s failed while streaming; aborting the connection", requestId);
        response.reset();
    }
}
