package com.helpdesk.export.rest.web;

import com.helpdesk.export.application.port.in.Admission;
import com.helpdesk.export.application.port.in.AuthorizeExportUseCase;
import com.helpdesk.export.application.port.in.ExportCredentials;
import com.helpdesk.export.application.port.in.ExportPass;
import com.helpdesk.export.application.port.in.FollowChangesUseCase;
import com.helpdesk.export.application.port.in.PreparedChanges;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.ChangesRequest;
import com.helpdesk.export.rest.observability.ExportMetrics;
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
 * {@code POST /api/v1/teams/{teamId}/changes}: the change feed, through the export's steps: authorize (key, team,
 * permission, caps, rate limit), then read the body, then read every resource's changes into a spool (the database
 * connection given back), and only then send them, with how far behind the feed was ({@code X-Changes-Lag}).
 */
@Path("/api/v1/teams/{teamId}/changes")
public class ChangesResource {

    private final AuthorizeExportUseCase authorize;
    private final FollowChangesUseCase follow;
    private final RequestBodyReader bodyReader;
    private final RateLimitHeaders rateLimitHeaders;
    private final ExportMetrics metrics;

    public ChangesResource(
            AuthorizeExportUseCase authorize,
            FollowChangesUseCase follow,
            RequestBodyReader bodyReader,
            RateLimitHeaders rateLimitHeaders,
            ExportMetrics metrics) {
        this.authorize = authorize;
        this.follow = follow;
        this.bodyReader = bodyReader;
        this.rateLimitHeaders = rateLimitHeaders;
        this.metrics = metrics;
    }

    @POST
    public Response changes(
            @PathParam("teamId") String teamId,
            @Context HttpHeaders headers,
            @Context RoutingContext context,
            InputStream body) {
        String requestId = RequestIds.of(context);
        Optional<String> presented = BearerToken.from(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        RequestFacts.exportAttempt(
                context, teamId, presented.map(ExportResource::displayPrefix).orElse(null));
        Admission admission =
                authorize.authorize(new ExportCredentials(presented, teamId, ExportResource.clientAddress(context)));
        if (admission instanceof Admission.Refused refused) {
            refused.rateLimit().ifPresent(status -> rateLimitHeaders.write(context.response(), status));
            throw refused.reason();
        }
        ExportPass pass = ((Admission.Granted) admission).pass();
        rateLimitHeaders.write(context.response(), pass.rateLimit());
        // as for an export: exactly one party closes what the call holds, and a client that leaves cancels the read
        Cancellation cancellation = new Cancellation();
        Handoff handoff = new Handoff(pass);
        context.addEndHandler(done -> {
            cancellation.cancel();
            handoff.exchangeEnded(context);
        });
        try {
            ChangesRequest request = bodyReader.readChanges(
                    RouterSetup.contentType(context, headers.getHeaderString(HttpHeaders.CONTENT_TYPE)), body);
            PreparedChanges changes = follow.follow(pass, request, requestId, cancellation);
            handoff.prepared(changes);
            metrics.changesLag(changes.lag());
            return ExportResponse.ofChanges(changes, handoff, context, requestId);
        } catch (RuntimeException | Error e) {
            handoff.release();
            throw e;
        }
    }

    /** The changes path takes POST only, and says so in {@code Allow}. */
    @OPTIONS
    public Response options() {
        throw new NotAllowedException("POST");
    }
}
