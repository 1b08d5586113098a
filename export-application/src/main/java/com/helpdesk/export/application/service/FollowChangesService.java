package com.helpdesk.export.application.service;

import com.helpdesk.export.application.port.in.ExportPass;
import com.helpdesk.export.application.port.in.FollowChangesUseCase;
import com.helpdesk.export.application.port.in.PreparedChanges;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.error.SpoolFullException;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.ChangePage;
import com.helpdesk.export.domain.model.ChangeQuery;
import com.helpdesk.export.domain.model.ChangeSection;
import com.helpdesk.export.domain.model.ChangeSpec;
import com.helpdesk.export.domain.model.ChangesRequest;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.FeedPosition;
import com.helpdesk.export.domain.model.FeedState;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.policy.ChangeFeedPolicy;
import com.helpdesk.export.domain.policy.RowLimitPolicy;
import com.helpdesk.export.domain.port.ChangeReader;
import com.helpdesk.export.domain.port.ChangeSerializer;
import com.helpdesk.export.domain.port.ChangeSnapshot;
import com.helpdesk.export.domain.port.Spool;
import com.helpdesk.export.domain.port.SpoolStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Follows change feeds for an authorized caller: one read-only snapshot of the key's team and mode, in which each
 * resource's cursor is checked against the feed ({@link ChangeFeedPolicy}: another team's or mode's cursor, an expired
 * one, one of another cluster) and its changes after it, below the snapshot's horizon, are read with one query and
 * written into one spool; the snapshot is closed before anything is sent.
 */
public final class FollowChangesService implements FollowChangesUseCase {

    private final ChangeReader reader;
    private final SpoolStore spools;
    private final Map<ExportFormat, ChangeSerializer> serializers;
    private final RowLimitPolicy rowLimitPolicy;
    private final ChangeFeedPolicy feedPolicy;
    private final Clock clock;

    public FollowChangesService(
            ChangeReader reader,
            SpoolStore spools,
            List<ChangeSerializer> serializers,
            RowLimitPolicy rowLimitPolicy,
            ChangeFeedPolicy feedPolicy,
            Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.spools = Objects.requireNonNull(spools, "spools");
        this.rowLimitPolicy = Objects.requireNonNull(rowLimitPolicy, "rowLimitPolicy");
        this.feedPolicy = Objects.requireNonNull(feedPolicy, "feedPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serializers = new EnumMap<>(ExportFormat.class);
        for (ChangeSerializer serializer : serializers) {
            ChangesRequest.requireFormat(serializer.format());
            if (this.serializers.put(serializer.format(), serializer) != null) {
                throw new IllegalArgumentException("two serializers for " + serializer.format());
            }
        }
        if (this.serializers.isEmpty()) {
            throw new IllegalArgumentException("at least one serializer is needed");
        }
    }

    @Override
    public PreparedChanges follow(
            ExportPass pass, ChangesRequest request, String requestId, Cancellation cancellation) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(cancellation, "cancellation");
        if (!(pass instanceof IssuedPass caller)) {
            throw new IllegalArgumentException("only a caller authorized by AuthorizeExportService can follow changes");
        }
        if (!caller.take()) {
            throw new IllegalStateException("this authorization was used already, or closed");
        }
        try {
            return follow(caller, request, requestId, cancellation);
        } catch (RuntimeException | Error e) {
            caller.untake(); // still the caller's to close
            throw e;
        }
    }

    private PreparedChanges follow(
            IssuedPass caller, ChangesRequest request, String requestId, Cancellation cancellation) {
        ChangeSerializer serializer = serializers.get(request.format());
        if (serializer == null) {
            throw ExportException.invalid(
                    "format", "Format '" + request.format().wireName() + "' is not offered here.");
        }
        ExportHead head = new ExportHead(
                requestId,
                caller.team(),
                clock.instant(),
                request.format(),
                CsvOptions.DEFAULT,
                rowLimitPolicy.maxRowsPerResource());
        Scope scope = new Scope(caller.team(), caller.caller().mode());
        Spool spool = spools.create();
        try {
            ChangeSerializer.ChangeDocumentWriter document = serializer.start(head, spool);
            List<ChangeSection> sections = new ArrayList<>(request.resources().size());
            Duration lag;
            try (ChangeSnapshot snapshot = reader.openChanges(scope, cancellation)) {
                FeedState state = snapshot.state();
                lag = state.lag();
                for (int i = 0; i < request.resources().size(); i++) {
                    sections.add(
                            read(snapshot, state, scope, request.resources().get(i), i, document));
                }
            }
            PreparedDocument prepared = document.finish(sections);
            return new PreparedChanges(head, sections, lag, prepared.delivery(), prepared.body(), spool, caller);
        } catch (SpoolFullException e) {
            spool.close();
            throw new ExportException(ErrorCode.SERVICE_UNAVAILABLE, PrepareExportService.AT_CAPACITY, null, e);
        } catch (IOException e) {
            spool.close();
            throw new ExportException(ErrorCode.INTERNAL_ERROR, PrepareExportService.SPOOL_FAILED, null, e);
        } catch (RuntimeException | Error e) {
            spool.close();
            throw e;
        }
    }

    private ChangeSection read(
            ChangeSnapshot snapshot,
            FeedState state,
            Scope scope,
            ChangeSpec spec,
            int index,
            ChangeSerializer.ChangeDocumentWriter document)
            throws IOException {
        FeedPosition after = feedPolicy
                .start(spec.type(), spec.after(), scope, state, "resources[" + index + "].cursor")
                .orThrow();
        List<CustomFieldDefinition> definitions =
                spec.fields().wantsCustomFields() ? snapshot.customFields(spec.type()) : List.of();
        List<Field> fields = spec.fields().resolveIdFirst(definitions);
        ChangeQuery query =
                new ChangeQuery(spec.type(), fields, after, state.horizon(), rowLimitPolicy.maxRowsPerResource());
        ChangeSerializer.ChangeWriter changes = document.resource(spec.type(), fields);
        ChangePage page = snapshot.read(query, changes);
        changes.finish();
        return new ChangeSection(spec.type(), fields, page, feedPolicy.cursor(spec.type(), scope, page.next(), state));
    }
}
