package com.helpdesk.export.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.wiretext.IdText;
import com.helpdesk.export.wiretext.InstantText;
import com.helpdesk.export.wiretext.JsonText;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes the JSON object of one row, the record of the export's JSON format, with a generator the caller holds: the
 * fields of the selection in order, each present ({@code null} when empty, {@code []} for no tags); the custom fields
 * as one object, {@code customFields}, where the first of them (or the group) stands, each typed by its kind (text
 * and select strings, numbers JSON numbers as stored, booleans, dates {@code YYYY-MM-DD}); metadata its JSON object,
 * compact. Every format whose records are this object (the JSON envelope, NDJSON lines, a change's {@code record})
 * writes it here, so that they cannot drift apart.
 *
 * <p>The generator must come from a factory set up by {@link #factory}. One writer per resource's field list; not
 * thread-safe (it keeps a buffer for ids and times, so that no string is made per value).
 */
public final class JsonRecordWriter {

    /** Room for the longest id prefix with its 32 hex digits, and for the longest time. */
    private static final int SCRATCH_CHARS = 64;

    private static final SerializedString CUSTOM_FIELDS = new SerializedString("customFields");

    private final Field[] fields;
    private final SerializedString[] names;
    private final int groupAt;
    private final Field[] customs;
    private final SerializedString[] customNames;
    private final char[] scratch = new char[SCRATCH_CHARS];
    private JsonGenerator sinkOwner;
    private Row.Utf8Sink utf8;

    /** A writer of records of these fields, in this order. */
    public JsonRecordWriter(List<Field> fieldList) {
        this.fields = fieldList.toArray(new Field[0]);
        this.names = new SerializedString[fields.length];
        int firstCustom = -1;
        for (int i = 0; i < fields.length; i++) {
            names[i] = new SerializedString(fields[i].name());
            if (firstCustom < 0 && (fields[i].isCustom() || fields[i].kind() == FieldKind.CUSTOM)) {
                firstCustom = i;
            }
        }
        this.groupAt = firstCustom;
        this.customs = Arrays.stream(fields).filter(Field::isCustom).toArray(Field[]::new);
        this.customNames = Arrays.stream(customs)
                .map(f -> new SerializedString(f.custom().key()))
                .toArray(SerializedString[]::new);
    }

    /**
     * The factory the records' generators come from: {@code base} with characters beyond the Basic Multilingual Plane
     * written as their four UTF-8 bytes (Jackson's default writes them as two escaped surrogates), so that text read
     * as UTF-8 bytes ({@link Row#textUtf8}) goes out as it is and every other string looks the same.
     */
    public static JsonFactory factory(JsonFactory base) {
        return Objects.requireNonNull(base, "base")
                .rebuild()
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
    }

    /** Writes the row's record, one JSON object, with {@code json} (nothing before or after it). */
    public void write(Row row, JsonGenerator json) throws IOException {
        if (json != sinkOwner) {
            sinkOwner = json;
            utf8 = json::writeUTF8String;
        }
        json.writeStartObject();
        for (int i = 0; i < fields.length; i++) {
            Field field = fields[i];
            if (i == groupAt) {
                json.writeFieldName(CUSTOM_FIELDS);
                json.writeStartObject();
                for (int c = 0; c < customs.length; c++) {
                    json.writeFieldName(customNames[c]);
                    writeValue(json, customs[c], row);
                }
                json.writeEndObject();
            } else if (!field.isCustom() && field.kind() != FieldKind.CUSTOM) {
                json.writeFieldName(names[i]);
                writeValue(json, field, row);
            }
        }
        json.writeEndObject();
    }

    private void writeValue(JsonGenerator json, Field field, Row row) throws IOException {
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
