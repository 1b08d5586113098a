package com.helpdesk.export.application.service;

import com.helpdesk.export.application.port.in.ExportCommand;
import com.helpdesk.export.application.port.in.ExportUseCase;
import com.helpdesk.export.application.port.in.PreparedExport;
import com.helpdesk.export.domain.error.ErrorCategory;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.Permission;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.policy.FormatPolicy;
import com.helpdesk.export.domain.policy.RowLimitPolicy;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.port.AuthenticationThrottle;
import com.helpdesk.export.domain.port.ExportDocument;
import com.helpdesk.export.domain.port.KeyVerification;
import com.helpdesk.export.domain.port.KeyVerifier;
import com.helpdesk.export.domain.port.PageSummary;
import com.helpdesk.export.domain.port.RateLimiter;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceQuery;
import com.helpdesk.export.domain.port.ResourceReader;
import com.helpdesk.export.domain.port.ResourceSection;
import com.helpdesk.export.domain.port.Serializer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The export use case: key (with failed attempts throttled per address), team, permission, rate limit, request,
 * policies, then one snapshot for every resource.
 */
public final class ExportService implements ExportUseCase {

    private final KeyVerifier keyVerifier;
    private final AuthenticationThrottle throttle;
    private final RateLimiter rateLimiter;
    private final ResourceReader reader;
    private final Map<ExportFormat, Serializer> serializers;
    private final RowLimitPolicy rowLimitPolicy;
    private final FormatPolicy formatPolicy;
    private final Clock clock;

    /**
     * @param serializers one per format this service offers (an app may offer only some formats; a request for
     *                    another is refused as {@code parameter_invalid} on {@code format})
     */
    public ExportService(KeyVerifier keyVerifier, AuthenticationThrottle throttle, RateLimiter rateLimiter,
                         ResourceReader reader, List<Serializer> serializers, RowLimitPolicy rowLimitPolicy,
                         FormatPolicy formatPolicy, Clock clock) {
        this.keyVerifier = Objects.requireNonNull(keyVerifier, "keyVerifier");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.rowLimitPolicy = Objects.requireNonNull(rowLimitPolicy, "rowLimitPolicy");
        this.formatPolicy = Objects.requireNonNull(formatPolicy, "formatPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serializers = new EnumMap<>(ExportFormat.class);
        for (Serializer serializer : serializers) {
            if (this.serializers.put(serializer.format(), serializer) != null) {
                throw new IllegalArgumentException("two serializers for " + serializer.format());
            }
        }
        if (this.serializers.isEmpty()) {
            throw new IllegalArgumentException("at least one serializer is needed");
        }
    }

    @Override
    public PreparedExport prepare(ExportCommand command) {
        KeyVerification.Verified caller = authenticate(command);
        TeamId team;
        try {
            team = authorize(caller, command.teamId());
        } catch (ExportException refused) {
            command.rateLimitObserver().accept(rateLimiter.peek(caller));
            throw refused;
        }
        RateLimitStatus budget = rateLimiter.consume(caller);
        command.rateLimitObserver().accept(budget);
        if (!budget.allowed()) {
            throw ExportException.retryLater(ErrorCode.RATE_LIMIT_EXCEEDED, "Rate limit exceeded: this key may make "
                    + budget.limit() + " calls per " + budget.window().toSeconds() + " seconds. Retry in "
                    + budget.retryAfterSeconds() + " seconds.", budget.retryAfterSeconds());
        }
        ExportRequest request = command.request().read();
        ExportFormat format = formatPolicy.decide(request).orThrow();
        Serializer serializer = serializers.get(format);
        if (serializer == null) {
            throw ExportException.invalid("format", "Format '" + format.wireName() + "' is not offered here.");
        }
        List<ResourceQuery> queries = new ArrayList<>(request.resources().size());
        for (ResourceSpec spec : request.resources()) {
            int limit = rowLimitPolicy.limitFor(spec).orThrow();
            queries.add(new ResourceQuery(spec.type(), spec.filters(), spec.after(), limit));
        }

        ReadSnapshot snapshot = reader.openSnapshot(new Scope(team, caller.mode()));
        try {
            List<ResourceSection> sections = new ArrayList<>(queries.size());
            for (int i = 0; i < queries.size(); i++) {
                ResourceQuery query = queries.get(i);
                PageSummary summary = snapshot.summarize(query);
                sections.add(new ResourceSection(query.type(), request.resources().get(i).fields(), summary,
                        consumer -> snapshot.stream(query, consumer)));
            }
            ExportDocument document = new ExportDocument(command.requestId(), team, clock.instant(), format,
                    request.csv().orElse(CsvOptions.DEFAULT), rowLimitPolicy.maxRowsPerResource(), sections);
            return new PreparedExport(document, serializer, snapshot, caller);
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    private KeyVerification.Verified authenticate(ExportCommand command) {
        String presented = command.presentedKey().orElseThrow(() -> new ExportException(
                ErrorCode.AUTHENTICATION_REQUIRED,
                "Authentication required: send your API key as 'Authorization: Bearer <key>'."));
        Optional<Duration> blocked = throttle.blockedFor(command.clientAddress());
        if (blocked.isPresent()) {
            long seconds = Math.max(1, blocked.get().toSeconds() + (blocked.get().toNanosPart() > 0 ? 1 : 0));
            throw ExportException.retryLater(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many failed authentications from "
                    + "this address. Retry in " + seconds + " seconds.", seconds);
        }
        try {
            return verify(ApiKey.parse(presented));
        } catch (ExportException failed) {
            if (failed.code().category() == ErrorCategory.AUTHENTICATION) {
                throttle.recordFailure(command.clientAddress());
            }
            throw failed;
        }
    }

    private KeyVerification.Verified verify(ApiKey key) {
        KeyVerification verification = keyVerifier.verify(key);
        if (verification instanceof KeyVerification.Rejected rejected) {
            throw switch (rejected.reason()) {
                case UNKNOWN, REVOKED -> new ExportException(ErrorCode.INVALID_API_KEY,
                        "Invalid API key " + key + ": it is unknown or was revoked.");
                case EXPIRED -> new ExportException(ErrorCode.KEY_EXPIRED, "API key " + key + " has expired.");
            };
        }
        return (KeyVerification.Verified) verification;
    }

    private static TeamId authorize(KeyVerification.Verified caller, String teamId) {
        if (caller.kind() != KeyKind.SECRET) {
            throw new ExportException(ErrorCode.INSUFFICIENT_PERMISSIONS, "Secret key required for this endpoint");
        }
        TeamId team = TeamId.parse(teamId, "teamId");
        if (!caller.team().equals(team)) {
            throw new ExportException(ErrorCode.TEAM_ACCESS_DENIED, "This key has no access to team " + team + ".");
        }
        if (!caller.role().holds(Permission.EXPORT_DATA)) {
            throw new ExportException(ErrorCode.INSUFFICIENT_PERMISSIONS, "The key's member is a "
                    + caller.role().wireName() + "; exporting needs the export_data permission (owner, admin or manager).");
        }
        return team;
    }
}
