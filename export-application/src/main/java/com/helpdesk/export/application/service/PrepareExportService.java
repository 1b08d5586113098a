package com.helpdesk.export.application.service;

import com.helpdesk.export.application.port.in.ExportPass;
import com.helpdesk.export.application.port.in.PrepareExportUseCase;
import com.helpdesk.export.application.port.in.PreparedExport;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.error.SearchTooBroadException;
import com.helpdesk.export.domain.error.SpoolFullException;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.policy.FormatPolicy;
import com.helpdesk.export.domain.policy.RowLimitPolicy;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceReader;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.domain.port.Spool;
import com.helpdesk.export.domain.port.SpoolStore;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prepares an export for an authorized caller: the format and row-limit policies, then one read-only snapshot of the
 * key's team and mode (never taken from the request) in which every resource is read with one query and written by
 * the format's serializer into one spool; the snapshot is closed before anything is sent. What the export holds
 * (rows, whether more match, cursors) is then known, and no database connection waits for the client.
 */
public final class PrepareExportService implements PrepareExportUseCase {

    static final String AT_CAPACITY =
            "The service is at capacity: its room for exports in progress is full. " + "Try again shortly.";
    static final String SPOOL_FAILED = "The export could not be held for sending because of an internal error.";

    private final ResourceReader reader;
    private final SpoolStore spools;
    private final Map<ExportFormat, Serializer> serializers;
    private final RowLimitPolicy rowLimitPolicy;
    private final FormatPolicy formatPolicy;
    private final Clock clock;

    /**
     * @param serializers one per format this service offers (an app may offer only some formats; a request for
     *                    another is refused as {@code parameter_invalid} on {@code format})
     */
    public PrepareExportService(
            ResourceReader reader,
            SpoolStore spools,
            List<Serializer> serializers,
            RowLimitPolicy rowLimitPolicy,
            FormatPolicy formatPolicy,
            Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.spools = Objects.requireNonNull(spools, "spools");
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
    public PreparedExport prepare(ExportPass pass, ExportRequest request, String requestId, Cancellation cancellation) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(cancellation, "cancellation");
        if (!(pass instanceof IssuedPass caller)) {
            throw new IllegalArgumentException("only a caller authorized by AuthorizeExportService can export");
        }
        if (!caller.take()) {
            throw new IllegalStateException("this authorization was used for an export already, or closed");
        }
        try {
            return prepare(caller, request, requestId, cancellation);
        } catch (RuntimeException | Error e) {
            caller.untake(); // still the caller's to close
            throw e;
        }
    }

    private PreparedExport prepare(
            IssuedPass caller, ExportRequest request, String requestId, Cancellation cancellation) {
        ExportFormat format = formatPolicy.decide(request).orThrow();
        Serializer serializer = serializers.get(format);
        if (serializer == null) {
            throw ExportException.invalid("format", "Format '" + format.wireName() + "' is not offered here.");
        }
        ExportHead head = new ExportHead(
                requestId,
                caller.team(),
                clock.instant(),
                format,
                request.csv().orElse(CsvOptions.DEFAULT),
                rowLimitPolicy.maxRowsPerResource());
        Spool spool = spools.create();
        try {
            Serializer.DocumentWriter document = serializer.start(head, spool);
            List<ExportSection> sections = read(
                    new Scope(caller.team(), caller.caller().mode()),
                    request.resources(),
                    format,
                    document,
                    cancellation);
            PreparedDocument prepared = document.finish(sections);
            return new PreparedExport(head, sections, prepared.delivery(), prepared.body(), spool, caller);
        } catch (SpoolFullException e) {
            spool.close();
            throw new ExportException(ErrorCode.SERVICE_UNAVAILABLE, AT_CAPACITY, null, e);
        } catch (IOException e) {
            spool.close();
            throw new ExportException(ErrorCode.INTERNAL_ERROR, SPOOL_FAILED, null, e);
        } catch (RuntimeException | Error e) {
            spool.close();
            throw e;
        }
    }

    /**
     * Every resource, in one snapshot, into the document; the snapshot is closed when this returns or fails. The
     * fields of each are resolved in the snapshot, against the custom fields the team defines in it, so that every row
     * of one export has the same fields; a custom field that is not defined is the request's error (400), named.
     */
    private List<ExportSection> read(
            Scope scope,
            List<ResourceSpec> specs,
            ExportFormat format,
            Serializer.DocumentWriter document,
            Cancellation cancellation)
            throws IOException {
        List<ExportSection> sections = new ArrayList<>(specs.size());
        try (ReadSnapshot snapshot = reader.openSnapshot(scope, cancellation)) {
            for (int i = 0; i < specs.size(); i++) {
                ResourceSpec spec = specs.get(i);
                List<CustomFieldDefinition> definitions =
                        spec.fields().wantsCustomFields() ? snapshot.customFields(spec.type()) : List.of();
                ResourceQuery query = new ResourceQuery(
                        spec.type(),
                        spec.filters(),
                        spec.fields().resolve(definitions, format),
                        spec.after(),
                        rowLimitPolicy.maxRowsPerResource());
                Serializer.RowWriter rows = document.resource(query.type(), query.fields());
                PageSummary summary;
                try {
                    summary = snapshot.read(query, rows);
                } catch (SearchTooBroadException e) {
                    throw e.asInvalid("resources[" + i + "].filters.search");
                }
                rows.finish();
                sections.add(new ExportSection(
                        query.type(),
                        query.fields(),
                        summary,
                        snapshot.feedState().map(state -> ChangeCursor.sync(query.type(), scope, state))));
            }
        }
        return sections;
    }
}
