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
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.rest.observability.RequestFacts;
import com.helpdesk.export.rest.web.error.RouterSetup;
import com.helpdesk.export.rest.web.request.BearerToken;
import com.helpdesk.export.rest.web.request.RequestBodyReader;
import com.helpdesk.export.rest.web.request.RequestIds;
import com.helpdesk.export.rest.web.response.ExportResponse;
import com.helpdesk.export.rest.web.response.Handoff;
import com.helpdesk.export.rest.web.response.RateLimitHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code POST /api/v1/teams/{teamId}/export}: authorize (key, team, permission, caps, rate limit), then read the
 * body, then prepare the export (every resource read into a spool, the database connection given back), and only
 * then send it. Every failure up to the first byte answers with the error envelope; a failure after it aborts the
 * connection, so that no client takes a cut-off export for a whole one.
 */
@Path("/api/v1/teams/{teamId}/export")
public class ExportResource {

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
        Admission admission = authorize.authorize(new ExportCredentials(presented, teamId, clientAddress(context)));
        if (admission instanceof Admission.Refused refused) {
            refused.rateLimit().ifPresent(status -> rateLimitHeaders.write(context.response(), status));
            throw refused.reason();
        }
        ExportPass pass = ((Admission.Granted) admission).pass();
        rateLimitHeaders.write(context.response(), pass.rateLimit());
        // Whatever happens from here, exactly one party closes what the export holds (its slot, later its spool):
        // the stream that sends it, this method when it fails, or the end of the exchange when the client leaves
        // first. The client leaving also cancels the reading, which releases the database connection at once.
        Cancellation cancellation = new Cancellation();
        Handoff handoff = new Handoff(pass);
        context.addEndHandler(done -> {
            cancellation.cancel();
            handoff.exchangeEnded(context);
        });
        try {
            // the body is read only now, so that a stranger learns nothing from body errors
            ExportRequest request = bodyReader.read(
                    RouterSetup.contentType(context, headers.getHeaderString(HttpHeaders.CONTENT_TYPE)), body);
            PreparedExport export = prepare.prepare(pass, request, requestId, cancellation);
            handoff.prepared(export);
            return ExportResponse.of(export, handoff, context, requestId);
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

    /** What a log may show of a presented key: its display prefix, only when it has the format of a key. */
    static String displayPrefix(String presented) {
        try {
            return ApiKey.parse(presented).displayPrefix();
        } catch (ExportException notAKey) {
            return null;
        }
    }

    /** The peer's address; behind a proxy, enable {@code quarkus.http.proxy.proxy-address-forwarding}. */
    static String clientAddress(RoutingContext context) {
        var address = context.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }
}
