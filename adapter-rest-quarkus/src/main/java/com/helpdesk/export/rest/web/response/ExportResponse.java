package com.helpdesk.export.rest.web.response;

import com.helpdesk.export.application.port.in.PreparedChanges;
import com.helpdesk.export.application.port.in.PreparedExport;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.rest.observability.RequestFacts;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The answer that sends a prepared export: its format's delivery (media type, file name, headers) and a body that
 * copies the export's bytes at the pace the client reads them, then closes it. If sending fails after the first byte,
 * the connection is aborted, so that no client takes a cut-off export for a whole one.
 */
public final class ExportResponse {

    private static final Logger LOG = Logger.getLogger(ExportResponse.class);

    private ExportResponse() {}

    /**
     * The response of {@code export}, which {@code handoff} holds: must be called on the request's thread (the pacing
     * waits on its Vert.x context).
     */
    public static Response of(PreparedExport export, Handoff handoff, RoutingContext context, String requestId) {
        RequestFacts.exporting(
                context,
                export.head().format().wireName(),
                export.sections().stream().map(s -> s.type().wireName()).toArray(String[]::new),
                export.sections().stream()
                        .map(ExportSection::summary)
                        .mapToLong(s -> s.rows())
                        .toArray());
        return send(export.delivery(), export::writeTo, export, handoff, context, requestId)
                .build();
    }

    /**
     * The response of a changes call, which {@code handoff} holds, as {@link #of} sends an export, with how far behind
     * the feed was ({@value #CHANGES_LAG}, whole seconds, rounded up).
     */
    public static Response ofChanges(
            PreparedChanges changes, Handoff handoff, RoutingContext context, String requestId) {
        RequestFacts.exporting(
                context,
                changes.head().format().wireName(),
                changes.sections().stream().map(s -> s.type().wireName()).toArray(String[]::new),
                changes.sections().stream().mapToLong(s -> s.page().changes()).toArray());
        return send(changes.delivery(), changes::writeTo, changes, handoff, context, requestId)
                .header(CHANGES_LAG, lagSeconds(changes.lag()))
                .build();
    }

    /** The header that says how far behind the change feed was, in seconds. */
    public static final String CHANGES_LAG = "X-Changes-Lag";

    static long lagSeconds(Duration lag) {
        long seconds = lag.getSeconds();
        return lag.getNano() > 0 ? seconds + 1 : seconds;
    }

    /** What sends a prepared document's bytes, in order. */
    @FunctionalInterface
    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Response.ResponseBuilder send(
            Delivery delivery,
            Body document,
            AutoCloseable held,
            Handoff handoff,
            RoutingContext context,
            String requestId) {
        PacedOutput.Pacing pacing = PacedOutput.forThisRequest(context.response());
        StreamingOutput body = output -> {
            if (!handoff.takeForStreaming()) {
                throw new IOException("the client left before answer " + requestId + " began; nothing was sent");
            }
            try {
                document.writeTo(pacing.wrap(output));
            } catch (RuntimeException | IOException | Error e) {
                RequestFacts.aborted(context);
                abort(context, requestId, e);
                throw e;
            } finally {
                Handoff.closeQuietly(held);
            }
        };
        Response.ResponseBuilder response = Response.ok(body).type(delivery.mediaType());
        delivery.fileName()
                .ifPresent(name -> response.header("Content-Disposition", "attachment; filename=\"" + name + "\""));
        delivery.headers().forEach(response::header);
        return response;
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
        HttpConnection connection = context.request().connection();
        if (context.request().version() != HttpVersion.HTTP_2 && ConnectionReset.reset(connection)) {
            return;
        }
        context.response().reset();
    }
}
