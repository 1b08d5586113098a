package com.helpdesk.export.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.helpdesk.export.domain.model.ChangeSection;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.port.ChangeSerializer;
import com.helpdesk.export.domain.port.Spool;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a changes answer in the contract's JSON envelope ({@code "object": "changes"}), as
 * {@link JacksonJsonSerializer} writes an export: each resource's changes go into the spool as they are read
 * ({@link JsonChangeWriter}), and the envelope is written after them, in pieces the document's ranges put around them.
 */
public final class JsonChangeSerializer implements ChangeSerializer {

    private final JsonFactory factory;

    public JsonChangeSerializer(JsonFactory factory) {
        this.factory = JsonRecordWriter.factory(factory);
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.JSON;
    }

    @Override
    public ChangeDocumentWriter start(ExportHead head, Spool spool) {
        return new Document(head, spool);
    }

    private final class Document implements ChangeDocumentWriter {

        private final ExportHead head;
        private final Spool spool;
        private final List<SpoolRange> changes = new ArrayList<>();

        Document(ExportHead head, Spool spool) {
            this.head = head;
            this.spool = spool;
        }

        @Override
        public ChangeWriter resource(ResourceType type, List<Field> fields) throws IOException {
            long from = spool.size();
            JsonChangeWriter writer = JsonChangeWriter.commaSeparated(factory, type, fields, spool.output());
            return new ChangeWriter() {
                @Override
                public void upsert(long version, Row row) throws IOException {
                    writer.upsert(version, row);
                }

                @Override
                public void delete(long version, UUID id, Instant deletedAt) throws IOException {
                    writer.delete(version, id, deletedAt);
                }

                @Override
                public void finish() throws IOException {
                    writer.finish();
                    changes.add(new SpoolRange(from, spool.size()));
                }
            };
        }

        @Override
        public PreparedDocument finish(List<ChangeSection> sections) throws IOException {
            JsonEnvelope envelope = JsonEnvelope.open(factory, spool, "changes");
            JsonGenerator json = envelope.json();
            envelope.resources(sections.stream().map(ChangeSection::type).toList(), changes);
            json.writeObjectFieldStart("hasMore");
            for (ChangeSection section : sections) {
                json.writeBooleanField(section.type().wireName(), section.page().hasMore());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("nextCursor");
            for (ChangeSection section : sections) {
                json.writeStringField(
                        section.type().wireName(), section.nextCursor().encode());
            }
            json.writeEndObject();
            List<SpoolRange> body = envelope.close(head);
            return new PreparedDocument(Delivery.inline(JacksonJsonSerializer.MEDIA_TYPE), body);
        }
    }
}
