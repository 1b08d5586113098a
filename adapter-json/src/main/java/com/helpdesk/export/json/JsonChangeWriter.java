package com.helpdesk.export.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.port.ChangeSerializer;
import com.helpdesk.export.wiretext.IdText;
import com.helpdesk.export.wiretext.InstantText;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A feed's changes as a run of change objects on an output, separated by commas (the contents of a JSON array) or one
 * per line: an upsert is {@code {"op":"upsert","id":…,"record":{…}}}, its record exactly the export's
 * ({@link JsonRecordWriter}); a deletion {@code {"op":"delete","id":…,"deletedAt":…}}. {@link #finish()} flushes what
 * its generator holds into the output, which it never closes.
 */
public final class JsonChangeWriter implements ChangeSerializer.ChangeWriter {

    private static final SerializedString COMMA = new SerializedString(",");
    private static final SerializedString OP = new SerializedString("op");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString RECORD = new SerializedString("record");
    private static final SerializedString DELETED_AT = new SerializedString("deletedAt");

    private final JsonGenerator json;
    private final JsonRecordWriter records;
    private final Field id;
    private final String prefix;
    private final boolean lines;
    private final char[] scratch = new char[64];

    private JsonChangeWriter(
            JsonFactory factory, ResourceType type, List<Field> fields, OutputStream out, boolean lines)
            throws IOException {
        if (fields.isEmpty() || !fields.get(0).name().equals("id")) {
            throw new IllegalArgumentException("a change record starts with its id");
        }
        this.json = JsonRecordWriter.factory(factory).createGenerator(out, JsonEncoding.UTF8);
        this.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.json.setRootValueSeparator(lines ? null : COMMA);
        this.records = new JsonRecordWriter(fields);
        this.id = fields.get(0);
        this.prefix = type.idPrefix();
        this.lines = lines;
    }

    /** Changes separated by commas: what goes between the brackets of a JSON array. */
    public static JsonChangeWriter commaSeparated(
            JsonFactory factory, ResourceType type, List<Field> fields, OutputStream out) throws IOException {
        return new JsonChangeWriter(factory, type, fields, out, false);
    }

    /** One change a line, each followed by {@code \n}. */
    public static JsonChangeWriter lines(JsonFactory factory, ResourceType type, List<Field> fields, OutputStream out)
            throws IOException {
        return new JsonChangeWriter(factory, type, fields, out, true);
    }

    @Override
    public void upsert(long version, Row row) throws IOException {
        json.writeStartObject();
        json.writeFieldName(OP);
        json.writeString("upsert");
        json.writeFieldName(ID);
        writeId(row.id(id));
        json.writeFieldName(RECORD);
        records.write(row, json);
        json.writeEndObject();
        endOfChange();
    }

    @Override
    public void delete(long version, UUID deleted, Instant deletedAt) throws IOException {
        json.writeStartObject();
        json.writeFieldName(OP);
        json.writeString("delete");
        json.writeFieldName(ID);
        writeId(deleted);
        json.writeFieldName(DELETED_AT);
        int end = InstantText.write(deletedAt, scratch, 0);
        if (end < 0) {
            json.writeString(deletedAt.toString());
        } else {
            json.writeString(scratch, 0, end);
        }
        json.writeEndObject();
        endOfChange();
    }

    private void writeId(UUID value) throws IOException {
        json.writeString(scratch, 0, IdText.write(prefix, value, scratch, 0));
    }

    private void endOfChange() throws IOException {
        if (lines) {
            json.writeRaw('\n');
        }
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }
}
