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
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
                () -> bodyReader.read(RouterSetup.contentType(context, headers.getHeaderString(HttpHeaders.CONTENT_TYPE)),
                        body), requestId,
                clientAddress(context), status -> rateLimitHeaders.write(context.response(), status));
        PreparedExport export = exports.prepare(command);
        Handoff handoff = new Handoff(export);
        try {
            Response response = respond(export, handoff, context, requestId);
            // A client that leaves before the body is written gets no StreamingOutput call at all: the end of the
            // exchange then releases the snapshot (its pooled connection and its open transaction).
            context.addEndHandler(done -> handoff.releaseLater(context));
            if (context.response().closed()) {
                handoff.release();
            }
            return response;
        } catch (RuntimeException | Error e) {
            handoff.release();
            throw e;
        }
    }

    /** OPTIONS is not offered either: the export path takes POST only, and says so in {@code Allow}. */
    @OPTIONS
    public Response options() {
        throw new NotAllowedException("POST");
    }

    private Response respond(PreparedExport export, Handoff handoff, RoutingContext context, String requestId) {
        ExportDocument document = export.document();
        RequestFacts.exporting(context, document.format().wireName(),
                document.sections().stream().map(s -> s.type().wireName()).toArray(String[]::new),
                document.sections().stream().mapToLong(s -> s.summary().rows()).toArray());
        StreamingOutput stream = output -> {
            if (!handoff.takeForStreaming()) {
                throw new IOException("the client left before export " + requestId + " began; nothing was sent");
            }
            try {
                export.writeTo(output);
            } catch (RuntimeException | java.io.IOException | Error e) {
                RequestFacts.aborted(context);
                abort(context, requestId, e);
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
     * HTTP client, where a cleanly ended body would look complete. The connection is reset (TCP RST, not FIN), so
     * that an HTTP/1.0 client or proxy (nginx talks HTTP/1.0 to upstreams by default), whose body ends where the
     * connection ends, sees a failed transfer too instead of a shorter file; and so that no handler left in the
     * pipeline (the gzip encoder) finishes the body on the way out. HTTP/2 resets just the stream (RST_STREAM).
     */
    private static void abort(RoutingContext context, String requestId, Throwable cause) {
        LOG.errorf(cause, "request %s failed while streaming; aborting the connection", requestId);
        HttpServerResponse response = context.response();
        HttpConnection connection = context.request().connection();
        if (context.request().version() != io.vertx.core.http.HttpVersion.HTTP_2
                && connection instanceof ConnectionBase base) {
            Channel channel = base.channel();
            try {
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
            } catch (RuntimeException ignored) {
                // the socket may be gone already; closing it is all that is left to do
            }
            channel.close();
            return;
        }
        response.reset();
    }

    /**
     * Who releases a prepared export: the stream that writes it (its {@code writeTo} closes it), or, when no stream
     * ever starts because the client left first, the end of the exchange. Exactly one of them does.
     */
    private static final class Handoff {
        private final PreparedExport export;
        private final AtomicBoolean taken = new AtomicBoolean();

        Handoff(PreparedExport export) {
            this.export = export;
        }

        boolean takeForStreaming() {
            return taken.compareAndSet(false, true);
        }

        void release() {
            if (taken.compareAndSet(false, true)) {
                export.close();
            }
        }

        /** From the event loop: the release talks to the database, so it runs on a worker thread. */
        void releaseLater(RoutingContext context) {
            if (taken.compareAndSet(false, true)) {
                context.vertx().executeBlocking(() -> {
                    export.close();
                    return null;
                }, false);
            }
        }
    }
}
