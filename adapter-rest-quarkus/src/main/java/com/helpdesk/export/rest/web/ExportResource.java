package com.helpdesk.export.rest.web;

import com.helpdesk.export.application.port.in.Admission;
import com.helpdesk.export.application.port.in.AuthorizeExportUseCase;
import com.helpdesk.export.application.port.in.ExportCredentials;
import com.helpdesk.export.application.port.in.ExportPass;
import com.helpdesk.export.application.port.in.PrepareExportUseCase;
import com.helpdesk.export.application.port.in.PreparedExport;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.ExportDocument;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.rest.observability.RequestFacts;
import com.helpdesk.export.rest.web.error.RouterSetup;
import com.helpdesk.export.rest.web.request.BearerToken;
import com.helpdesk.export.rest.web.request.RequestBodyReader;
import com.helpdesk.export.rest.web.request.RequestIds;
import com.helpdesk.export.rest.web.response.ConnectionReset;
import com.helpdesk.export.rest.web.response.PacedOutput;
import com.helpdesk.export.rest.web.response.RateLimitHeaders;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
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
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/v1/teams/{teamId}/export}: authorize (key, team, permission, caps, rate limit), then read the
 * body, then prepare the export (every resource read into a spool, the database connection given back), and only
 * then send it. Every failure up to the first byte answers with the error envelope; a failure after it aborts the
 * connection, so that no client takes a cut-off export for a whole one.
 */
@Path("/api/v1/teams/{teamId}/export")
public class ExportResource {

    static final String CSV_MEDIA_TYPE = "text/csv; charset=utf-8; header=present";
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(ExportResource.class);

    private final AuthorizeExportUseCase authorize;
    private final PrepareExportUseCase prepare;
    private final RequestBodyReader bodyReader;
    private final RateLimitHeaders rateLimitHeaders;

    public ExportResource(
            AuthorizeExportUseCase authorize,
            PrepareExportUseCase prepare,
            RequestBodyReader bodyReader,
            RateLimitHeaders rateLimitHeaders) {
        this.authorize = authorize;
        this.prepare = prepare;
        this.bodyReader = bodyReader;
        this.rateLimitHeaders = rateLimitHeaders;
    }

    @POST
    public Response export(
            @PathParam("teamId") String teamId,
            @Context HttpHeaders headers,
            @Context RoutingContext context,
            InputStream body) {
        String requestId = RequestIds.of(context);
        Optional<String> presented = BearerToken.from(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        RequestFacts.exportAttempt(
                context, teamId, presented.map(ExportResource::displayPrefix).orElse(null));
        Admission authorization = authorize.authorize(new ExportCredentials(presented, teamId, clientAddress(context)));
        if (authorization instanceof Admission.Refused refused) {
            refused.rateLimit().ifPresent(status -> rateLimitHeaders.write(context.response(), status));
            throw refused.reason();
        }
        ExportPass authorized = ((Admission.Granted) authorization).pass();
        rateLimitHeaders.write(context.response(), authorized.rateLimit());
        // Whatever happens from here, exactly one party closes what the export holds (its slot, later its spool):
        // the stream that sends it, this method when it fails, or the end of the exchange when the client leaves
        // first. The client leaving also cancels the reading, which releases the database connection at once.
        Cancellation cancellation = new Cancellation();
        Handoff handoff = new Handoff(authorized);
        context.addEndHandler(done -> {
            cancellation.cancel();
            handoff.exchangeEnded(context);
        });
        try {
            // the body is read only now, so that a stranger learns nothing from body errors
            ExportRequest request = bodyReader.read(
                    RouterSetup.contentType(context, headers.getHeaderString(HttpHeaders.CONTENT_TYPE)), body);
            PreparedExport export = prepare.prepare(authorized, request, requestId, cancellation);
            handoff.prepared(export);
            return respond(export, handoff, context, requestId);
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
        // captured on the thread that runs this method, which runs in the request's Vert.x context
        PacedOutput.Pacing pacing = PacedOutput.forThisRequest(context.response());
        ExportDocument document = export.document();
        RequestFacts.exporting(
                context,
                document.format().wireName(),
                document.sections().stream().map(s -> s.type().wireName()).toArray(String[]::new),
                document.sections().stream().mapToLong(s -> s.summary().rows()).toArray());
        StreamingOutput stream = output -> {
            if (!handoff.takeForStreaming()) {
                throw new IOException("the client left before export " + requestId + " began; nothing was sent");
            }
            try {
                export.writeTo(pacing.wrap(output));
            } catch (RuntimeException | IOException | Error e) {
                RequestFacts.aborted(context);
                abort(context, requestId, e);
                throw e;
            }
        };
        Response.ResponseBuilder response = Response.ok(stream);
        if (document.format() == ExportFormat.CSV) {
            PageSummary summary = document.sections().get(0).summary();
            response.type(CSV_MEDIA_TYPE)
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\""
                                    + document.sections().get(0).type().wireName() + "-" + document.team() + "-"
                                    + FILE_TIME.format(document.generatedAt()) + ".csv\"")
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
        if (context.request().version() != HttpVersion.HTTP_2 && ConnectionReset.reset(connection)) {
            return;
        }
        response.reset();
    }

    /**
     * Who closes what an export holds: first the authorized caller (its slot), then the prepared export (its spool
     * and the slot). The stream that sends the export closes it itself ({@code writeTo}); when no stream ever starts
     * (the request failed, or the client left first), the request's failure or the end of the exchange does.
     * Exactly one of them closes it, once.
     */
    private static final class Handoff {
        private AutoCloseable held;
        private boolean streaming;
        private boolean ended;

        Handoff(ExportPass authorized) {
            this.held = authorized;
        }

        /** The export took over the caller; if the exchange already ended, nobody will send it: close it now. */
        void prepared(PreparedExport export) {
            boolean closeNow;
            synchronized (this) {
                held = export;
                closeNow = ended;
            }
            if (closeNow) {
                release();
            }
        }

        /** From the stream: whether it may send (and so close) the export. */
        synchronized boolean takeForStreaming() {
            if (streaming || ended || held == null) {
                return false;
            }
            streaming = true;
            held = null;
            return true;
        }

        /** Closes what is held, unless a stream took it. */
        void release() {
            AutoCloseable toClose;
            synchronized (this) {
                toClose = held;
                held = null;
            }
            closeQuietly(toClose);
        }

        /** From the event loop, at the end of the exchange: closing talks to the database, so on a worker thread. */
        void exchangeEnded(RoutingContext context) {
            AutoCloseable toClose;
            synchronized (this) {
                ended = true;
                toClose = held;
                held = null;
            }
            if (toClose != null) {
                context.vertx()
                        .executeBlocking(
                                () -> {
                                    closeQuietly(toClose);
                                    return null;
                                },
                                false);
            }
        }

        private static void closeQuietly(AutoCloseable closeable) {
            if (closeable == null) {
                return;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warnf("releasing an export failed: %s", e.getMessage());
            }
        }
    }
}
