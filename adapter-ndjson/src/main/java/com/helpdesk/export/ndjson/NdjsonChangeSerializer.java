package com.helpdesk.export.ndjson;

import com.fasterxml.jackson.core.JsonFactory;
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
import com.helpdesk.export.json.JsonChangeWriter;
import com.helpdesk.export.wiretext.FileHeaders;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the changes of exactly one resource as NDJSON: one change object a line, each exactly the object the JSON
 * format gives for that change (adapter-json's {@link JsonChangeWriter}, whose records are the export's), and nothing
 * else. The headers carry what the envelope would: the changes, whether more follow, the cursor to continue with.
 */
public final class NdjsonChangeSerializer implements ChangeSerializer {

    private final JsonFactory factory;

    public NdjsonChangeSerializer(JsonFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.NDJSON;
    }

    @Override
    public ChangeDocumentWriter start(ExportHead head, Spool spool) {
        return new Document(head, spool);
    }

    private final class Document implements ChangeDocumentWriter {

        private final ExportHead head;
        private final Spool spool;
        private boolean started;
        private SpoolRange file;

        Document(ExportHead head, Spool spool) {
            this.head = head;
            this.spool = spool;
        }

        @Override
        public ChangeWriter resource(ResourceType type, List<Field> fields) throws IOException {
            if (started) {
                throw new IllegalStateException("an NDJSON file holds exactly one resource");
            }
            started = true;
            long from = spool.size();
            JsonChangeWriter lines = JsonChangeWriter.lines(factory, type, fields, spool.output());
            return new ChangeWriter() {
                @Override
                public void upsert(long version, Row row) throws IOException {
                    lines.upsert(version, row);
                }

                @Override
                public void delete(long version, UUID id, Instant deletedAt) throws IOException {
                    lines.delete(version, id, deletedAt);
                }

                @Override
                public void finish() throws IOException {
                    lines.finish();
                    file = new SpoolRange(from, spool.size());
                }
            };
        }

        @Override
        public PreparedDocument finish(List<ChangeSection> sections) {
            if (sections.size() != 1 || file == null) {
                throw new IllegalStateException("an NDJSON file holds exactly one resource, not " + sections.size());
            }
            ChangeSection section = sections.get(0);
            return new PreparedDocument(
                    new Delivery(
                            NdjsonSerializer.MEDIA_TYPE,
                            Optional.of(FileHeaders.fileName(
                                    "changes-" + section.type().wireName(),
                                    head.team().toString(),
                                    head.generatedAt(),
                                    "ndjson")),
                            FileHeaders.ofOneResource(
                                    section.page().changes(),
                                    section.page().hasMore(),
                                    Optional.of(section.nextCursor().encode()))),
                    List.of(file));
        }
    }
}
