package com.helpdesk.export.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.domain.port.Spool;
import com.helpdesk.export.wiretext.IdText;
import com.helpdesk.export.wiretext.InstantText;
import com.helpdesk.export.wiretext.JsonText;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes the contract's JSON envelope with Jackson's streaming generator: rows go from the reader to the spool one at
 * a time, and the envelope is written after them, once every resource is read, in pieces that the document's ranges
 * put around the rows (the rows are never copied).
 * Every field of the selection is present; empty values are {@code null}, empty tags {@code []}. The custom fields
 * of a selection are one object, {@code customFields}, where the first of them stands (the whole group: every field
 * the team defines, {@code {}} when it defines none), each typed by its kind: text and select strings, numbers JSON
 * numbers as stored, booleans, dates {@code YYYY-MM-DD}. Metadata is its JSON object, compact.
 */
public final class JacksonJsonSerializer implements Serializer {

    /** Room for the longest id prefix with its 32 hex digits, and for the longest time. */
    private static final int SCRATCH_CHARS = 64;

    private static final SerializedString ROW_SEPARATOR = new SerializedString(",");
    private static final SerializedString CUSTOM_FIELDS = new SerializedString("customFields");

    static final String MEDIA_TYPE = "application/json";

    private final JsonFactory factory;

    /**
     * A serializer whose generators come from the given factory, with characters beyond the Basic Multilingual Plane
     * written as their four UTF-8 bytes (Jackson's default writes them as two escaped surrogates): text read as
     * UTF-8 bytes ({@link Row#textUtf8}) goes out as it is, and every other string must look the same.
     */
    public JacksonJsonSerializer(JsonFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory")
                .rebuild()
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
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
     * object per row with the fields in order.
     */
    RowWriter rows(List<Field> fieldList, OutputStream out) throws IOException {
        JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(ROW_SEPARATOR);
        Field[] fields = fieldList.toArray(new Field[0]);
        SerializedString[] names = new SerializedString[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = new SerializedString(fields[i].name());
        }
        // ids and times are formatted into this buffer and written from it: no string per value
        char[] scratch = new char[SCRATCH_CHARS];
        Row.Utf8Sink utf8 = json::writeUTF8String;
        // the custom fields go into one object, "customFields", where the first of them (or the group) stands
        int firstCustom = -1;
        for (int i = 0; i < fields.length && firstCustom < 0; i++) {
            if (fields[i].isCustom() || fields[i].kind() == FieldKind.CUSTOM) {
                firstCustom = i;
            }
        }
        int groupAt = firstCustom;
        Field[] customs = Arrays.stream(fields).filter(Field::isCustom).toArray(Field[]::new);
        SerializedString[] customNames = Arrays.stream(customs)
                .map(f -> new SerializedString(f.custom().key()))
                .toArray(SerializedString[]::new);
        return new RowWriter() {
            @Override
            public void accept(Row row) throws IOException {
                json.writeStartObject();
                for (int i = 0; i < fields.length; i++) {
                    Field field = fields[i];
                    if (i == groupAt) {
                        json.writeFieldName(CUSTOM_FIELDS);
                        json.writeStartObject();
                        for (int c = 0; c < customs.length; c++) {
                            json.writeFieldName(customNames[c]);
                            writeValue(json, customs[c], row, scratch, utf8);
                        }
                        json.writeEndObject();
                    } else if (!field.isCustom() && field.kind() != FieldKind.CUSTOM) {
                        json.writeFieldName(names[i]);
                        writeValue(json, field, row, scratch, utf8);
                    }
                }
                json.writeEndObject();
            }

            @Override
            public void finish() throws IOException {
                json.flush();
            }
        };
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
            if (sections.size() != rows.size()) {
                throw new IllegalStateException(sections.size() + " sections for " + rows.size() + " resources");
            }
            List<SpoolRange> body = new ArrayList<>();
            JsonGenerator json = factory.createGenerator(spool.output(), JsonEncoding.UTF8);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            long mark = spool.size();
            json.writeStartObject();
            json.writeBooleanField("success", true);
            json.writeObjectFieldStart("data");
            json.writeStringField("object", "export");
            json.writeStringField("format", head.format().wireName());
            json.writeNumberField("totalRows", ExportSection.totalRows(sections));
            json.writeObjectFieldStart("resources");
            for (int i = 0; i < sections.size(); i++) {
                json.writeArrayFieldStart(sections.get(i).type().wireName());
                json.flush();
                long end = spool.size();
                body.add(new SpoolRange(mark, end));
                body.add(rows.get(i));
                mark = end;
                json.writeEndArray();
            }
            json.writeEndObject();
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
            json.writeObjectFieldStart("limits");
            json.writeNumberField("maxRowsPerResource", head.maxRowsPerResource());
            json.writeEndObject();
            json.writeEndObject();
            json.writeObjectFieldStart("meta");
            json.writeStringField("requestId", head.requestId());
            json.writeStringField(
                    "timestamp",
                    head.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            json.writeEndObject();
            json.writeEndObject();
            json.flush();
            body.add(new SpoolRange(mark, spool.size()));
            return new PreparedDocument(Delivery.inline(MEDIA_TYPE), body);
        }
    }

    private static void writeValue(JsonGenerator json, Field field, Row row, char[] scratch, Row.Utf8Sink utf8)
            throws IOException {
        switch (field.kind()) {
            case ID -> {
                UUID id = row.id(field);
                if (id == null) {
                    json.writeNull();
                } else {
                    json.writeString(scratch, 0, IdText.write(field.idPrefix(), id, scratch, 0));
                }
            }
            case TEXT, ENUM -> {
                // the reader's UTF-8 bytes, escaped as writeString escapes characters: no String decoded and re-encoded
                if (!row.writeTextUtf8(field, utf8)) {
                    json.writeNull();
                }
            }
            case REF -> writeNullable(json, row.ref(field));
            case NUMBER -> {
                BigDecimal number = row.number(field);
                if (number == null) {
                    json.writeNull();
                } else {
                    json.writeNumber(number.toPlainString());
                }
            }
            case DATE -> {
                LocalDate date = row.date(field);
                writeNullable(json, date == null ? null : date.toString());
            }
            case OBJECT -> json.writeRawValue(JsonText.compact(row.object(field)));
            case CUSTOM -> throw new IllegalArgumentException("the group " + field.name() + " holds no value");
            case INTEGER -> {
                Integer number = row.integer(field);
                if (number == null) {
                    json.writeNull();
                } else {
                    json.writeNumber(number);
                }
            }
            case BOOLEAN -> {
                Boolean bool = row.bool(field);
                if (bool == null) {
                    json.writeNull();
                } else {
                    json.writeBoolean(bool);
                }
            }
            case TIMESTAMP -> {
                Instant time = row.time(field);
                int end = time == null ? 0 : InstantText.write(time, scratch, 0);
                if (time == null) {
                    json.writeNull();
                } else if (end < 0) {
                    json.writeString(time.toString());
                } else {
                    json.writeString(scratch, 0, end);
                }
            }
            case TAGS -> {
                json.writeStartArray();
                List<String> tags = row.tags(field);
                for (int i = 0, n = tags.size(); i < n; i++) { // no iterator per row
                    json.writeString(tags.get(i));
                }
                json.writeEndArray();
            }
        }
    }

    private static void writeNullable(JsonGenerator json, String text) throws IOException {
        if (text == null) {
            json.writeNull();
        } else {
            json.writeString(text);
        }
    }
}
