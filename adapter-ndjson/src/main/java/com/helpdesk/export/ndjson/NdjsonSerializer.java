package com.helpdesk.export.ndjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.domain.port.Spool;
import com.helpdesk.export.json.JsonRowWriter;
import com.helpdesk.export.wiretext.FileHeaders;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes an export of exactly one resource as NDJSON: one record a line, each exactly the object the JSON format gives
 * for that row (same fields, order, types and nulls), compact, UTF-8 without a byte-order mark, {@code \n} after every
 * line including the last, and nothing else (no envelope, no trailer). What the envelope would say travels in the
 * headers, as for CSV: the rows, whether more match, the cursor after the last row. The rows go into the spool as
 * they are read; the file is that one range of the spool.
 */
public final class NdjsonSerializer implements Serializer {

    static final String MEDIA_TYPE = "application/x-ndjson";

    private final JsonFactory factory;

    public NdjsonSerializer(JsonFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.NDJSON;
    }

    @Override
    public DocumentWriter start(ExportHead head, Spool spool) {
        return new Document(head, spool);
    }

    /** One NDJSON file in a spool: the one resource's lines, delivered as an attachment with its headers. */
    private final class Document implements DocumentWriter {

        private final ExportHead head;
        private final Spool spool;
        private boolean started;
        private SpoolRange file;

        Document(ExportHead head, Spool spool) {
            this.head = head;
            this.spool = spool;
        }

        @Override
        public RowWriter resource(ResourceType type, List<Field> fields) throws IOException {
            if (started) {
                throw new IllegalStateException("an NDJSON file holds exactly one resource");
            }
            started = true;
            long from = spool.size();
            JsonRowWriter lines = JsonRowWriter.lines(factory, fields, spool.output());
            return new RowWriter() {
                @Override
                public void accept(Row row) throws IOException {
                    lines.accept(row);
                }

                @Override
                public void finish() throws IOException {
                    lines.finish();
                    file = new SpoolRange(from, spool.size());
                }
            };
        }

        @Override
        public PreparedDocument finish(List<ExportSection> sections) {
            if (sections.size() != 1 || file == null) {
                throw new IllegalStateException("an NDJSON file holds exactly one resource, not " + sections.size());
            }
            ExportSection section = sections.get(0);
            PageSummary summary = section.summary();
            return new PreparedDocument(
                    new Delivery(
                            MEDIA_TYPE,
                            Optional.of(FileHeaders.fileName(
                                    section.type().wireName(), head.team().toString(), head.generatedAt(), "ndjson")),
                            FileHeaders.ofOneResource(
                                    summary.rows(),
                                    summary.hasMore(),
                                    summary.nextCursor().map(Cursor::encode),
                                    section.syncCursor().map(ChangeCursor::encode))),
                    List.of(file));
        }
    }
}
