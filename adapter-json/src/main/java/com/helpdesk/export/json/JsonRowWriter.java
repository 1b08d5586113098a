package com.helpdesk.export.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.port.Serializer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A resource's rows as a run of records ({@link JsonRecordWriter}) on an output: separated by commas (the contents of
 * a JSON array) or one per line (each followed by {@code \n}, the last one too). {@link #finish()} flushes what its
 * generator holds into the output, which it never closes.
 */
public final class JsonRowWriter implements Serializer.RowWriter {

    private static final SerializedString COMMA = new SerializedString(",");

    private final JsonGenerator json;
    private final JsonRecordWriter records;
    private final boolean lines;

    private JsonRowWriter(JsonFactory factory, List<Field> fields, OutputStream out, boolean lines) throws IOException {
        this.json = JsonRecordWriter.factory(factory).createGenerator(out, JsonEncoding.UTF8);
        this.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // between two root values the generator writes this separator (a space unless told otherwise)
        this.json.setRootValueSeparator(lines ? null : COMMA);
        this.records = new JsonRecordWriter(fields);
        this.lines = lines;
    }

    /** Records separated by commas: what goes between the brackets of a JSON array. */
    public static JsonRowWriter commaSeparated(JsonFactory factory, List<Field> fields, OutputStream out)
            throws IOException {
        return new JsonRowWriter(factory, fields, out, false);
    }

    /** One record a line, each followed by {@code \n}: newline-delimited JSON. */
    public static JsonRowWriter lines(JsonFactory factory, List<Field> fields, OutputStream out) throws IOException {
        return new JsonRowWriter(factory, fields, out, true);
    }

    @Override
    public void accept(Row row) throws IOException {
        records.write(row, json);
        if (lines) {
            json.writeRaw('\n');
        }
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }
}
