package com.helpdesk.export.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.helpdesk.export.json.GeneratedRows;
import com.helpdesk.export.json.JacksonJsonSerializer;
import com.helpdesk.export.json.JsonRecords;
import com.helpdesk.export.testsupport.Property;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On generated rows of every type (every field kind, custom fields of every kind, metadata, tags, nulls, hostile
 * texts), each NDJSON line is exactly the record the JSON export gives for the same row: the same bytes, and so the
 * same tree, field order and number text.
 */
class NdjsonLinesAreJsonRecordsTest {

    /** Numbers exactly as written (1.50 stays 1.50). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void everyLineIsTheJsonRecordOfTheSameRow() {
        Property.forAll(400, GeneratedRows.samples(12), sample -> {
            byte[] ndjson = JsonRecords.document(new NdjsonSerializer(new JsonFactory()), sample);
            byte[] envelope = JsonRecords.document(new JacksonJsonSerializer(new JsonFactory()), sample);
            List<byte[]> records = JsonRecords.recordBytes(envelope);
            List<byte[]> lines = lines(ndjson);

            assertThat(records).hasSize(sample.rows().size());
            assertThat(lines).hasSameSizeAs(records);
            for (int i = 0; i < lines.size(); i++) {
                String line = new String(lines.get(i), StandardCharsets.UTF_8);
                String record = new String(records.get(i), StandardCharsets.UTF_8);
                assertThat(line).as("line %d", i).isEqualTo(record);
                JsonNode parsed = JSON.readTree(lines.get(i));
                assertThat(parsed).isEqualTo(JSON.readTree(records.get(i)));
                assertThat(names(parsed))
                        .as("the fields in the order asked, custom fields as one object where they first stand")
                        .isEqualTo(expectedNames(sample));
            }
        });
    }

    /** The lines of a body: each ends with {@code \n}, the last one too, and none holds a raw line feed. */
    static List<byte[]> lines(byte[] body) {
        List<byte[]> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n') {
                lines.add(Arrays.copyOfRange(body, from, i));
                from = i + 1;
            }
        }
        assertThat(from).as("the body ends with a line feed, or is empty").isEqualTo(body.length);
        return lines;
    }

    private static List<String> names(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> expectedNames(GeneratedRows.Sample sample) {
        List<String> names = new ArrayList<>();
        sample.fields().forEach(f -> {
            String name = f.isCustom() ? "customFields" : f.name();
            if (!names.contains(name)) {
                names.add(name);
            }
        });
        return names;
    }
}
