package com.helpdesk.export.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.domain.port.Spool;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the contract's JSON envelope with Jackson's streaming generator: rows go from the reader to the spool one at
 * a time, and the envelope is written after them, once every resource is read, in pieces that the document's ranges
 * put around the rows (the rows are never copied).
 * Each row is its record as {@link JsonRecordWriter} writes it (the custom fields of a selection one object,
 * {@code customFields}: every field the team defines, {@code {}} when it defines none).
 */
public final class JacksonJsonSerializer implements Serializer {

    static final String MEDIA_TYPE = "application/json";

    private final JsonFactory factory;

    /**
     * A serializer whose generators come from the given factory, with characters beyond the Basic Multilingual Plane
     * written as their four UTF-8 bytes (Jackson's default writes them as two escaped surrogates): text read as
     * UTF-8 bytes ({@link Row#textUtf8}) goes out as it is, and every other string must look the same.
     */
    public JacksonJsonSerializer(JsonFactory factory) {
        this.factory = JsonRecordWriter.factory(factory);
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.JSON;
    }

    @Override
    public DocumentWriter start(ExportHead head, Spool spool) {
        return new Document(head, spool);
    }

    /**
     * The rows as a comma-separated run of JSON objects (what goes between the brackets of the section's array), one
     * record per row ({@link JsonRecordWriter}).
     */
    RowWriter rows(List<Field> fieldList, OutputStream out) throws IOException {
        return JsonRowWriter.commaSeparated(factory, fieldList, out);
    }

    /**
     * One JSON document in a spool: each resource's rows where they were written, then the envelope around them,
     * written once every resource is read (its totals, {@code hasMore} and cursors come first in the document, so they
     * must be known), in pieces between which the rows go.
     */
    private final class Document implements DocumentWriter {

        private final ExportHead head;
        private final Spool spool;
        private final List<SpoolRange> rows = new ArrayList<>();

        Document(ExportHead head, Spool spool) {
            this.head = head;
            this.spool = spool;
        }

        @Override
        public RowWriter resource(ResourceType type, List<Field> fields) throws IOException {
            long from = spool.size();
            RowWriter writer = rows(fields, spool.output());
            return new RowWriter() {
                @Override
                public void accept(Row row) throws IOException {
                    writer.accept(row);
                }

                @Override
                public void finish() throws IOException {
                    writer.finish();
                    rows.add(new SpoolRange(from, spool.size()));
                }
            };
        }

        @Override
        public PreparedDocument finish(List<ExportSection> sections) throws IOException {
            JsonEnvelope envelope = JsonEnvelope.open(factory, spool, "export");
            JsonGenerator json = envelope.json();
            json.writeStringField("format", head.format().wireName());
            json.writeNumberField("totalRows", ExportSection.totalRows(sections));
            envelope.resources(sections.stream().map(ExportSection::type).toList(), rows);
            json.writeObjectFieldStart("hasMore");
            for (ExportSection section : sections) {
                json.writeBooleanField(
                        section.type().wireName(), section.summary().hasMore());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("nextCursor");
            for (ExportSection section : sections) {
                json.writeFieldName(section.type().wireName());
                if (section.summary().nextCursor().isPresent()) {
                    json.writeString(section.summary().nextCursor().get().encode());
                } else {
                    json.writeNull();
                }
            }
            json.writeEndObject();
            if (sections.stream().anyMatch(section -> section.syncCursor().isPresent())) {
                json.writeObjectFieldStart("syncCursor");
                for (ExportSection section : sections) {
                    json.writeFieldName(section.type().wireName());
                    if (section.syncCursor().isPresent()) {
                        json.writeString(section.syncCursor().get().encode());
                    } else {
                        json.writeNull();
                    }
                }
                json.writeEndObject();
            }
            List<SpoolRange> body = envelope.close(head);
            return new PreparedDocument(Delivery.inline(MEDIA_TYPE), body);
        }
    }
}
