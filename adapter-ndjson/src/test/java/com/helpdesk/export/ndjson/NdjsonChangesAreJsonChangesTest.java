package com.helpdesk.export.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.ChangePage;
import com.helpdesk.export.domain.model.ChangeSection;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.FeedPosition;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.port.ChangeSerializer;
import com.helpdesk.export.json.GeneratedRows;
import com.helpdesk.export.json.JacksonJsonSerializer;
import com.helpdesk.export.json.JsonChangeSerializer;
import com.helpdesk.export.json.JsonRecords;
import com.helpdesk.export.spool.MemorySpool;
import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Property;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On generated rows of every type, a changes document in NDJSON is one line per change, each exactly the change object
 * of the JSON document; an upsert's record is exactly the export's JSON record of the same row (id first), and a
 * delete names the id and when.
 */
class NdjsonChangesAreJsonChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final Instant DELETED_AT = Instant.parse("2026-12-07T10:00:00.123456Z");

    /** A sample whose fields start with the id, as a change record's do. */
    private static Gen<GeneratedRows.Sample> samples() {
        return GeneratedRows.samples(8).flatMap(sample -> {
            List<Field> fields = FieldSelection.all(sample.type()).resolveIdFirst(sample.definitions());
            // a row in a feed always has its id
            return GeneratedRows.rows(fields)
                    .filter(row -> row.id(fields.get(0)) != null)
                    .list(1, 8)
                    .map(rows -> new GeneratedRows.Sample(sample.type(), sample.definitions(), fields, rows));
        });
    }

    private static byte[] changes(ChangeSerializer serializer, GeneratedRows.Sample sample) throws IOException {
        try (MemorySpool spool = new MemorySpool()) {
            ChangeSerializer.ChangeDocumentWriter document =
                    serializer.start(JsonRecords.head(serializer.format()), spool);
            ChangeSerializer.ChangeWriter writer = document.resource(sample.type(), sample.fields());
            long version = 1;
            for (Row row : sample.rows()) {
                writer.upsert(version++, row);
                writer.delete(version++, row.id(sample.fields().get(0)), DELETED_AT);
            }
            writer.finish();
            Scope scope = new Scope(JsonRecords.TEAM, Mode.LIVE);
            PreparedDocument prepared = document.finish(List.of(new ChangeSection(
                    sample.type(),
                    sample.fields(),
                    new ChangePage(sample.rows().size() * 2, false, FeedPosition.from(9)),
                    ChangeCursor.of(sample.type(), scope, FeedPosition.from(9), 1, DELETED_AT))));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (SpoolRange range : prepared.body()) {
                spool.copyTo(range.from(), range.to(), out);
            }
            return out.toByteArray();
        }
    }

    @Test
    void everyLineIsTheJsonChangeAndEveryRecordTheExportsRecord() {
        Property.forAll(200, samples(), sample -> {
            List<byte[]> lines =
                    NdjsonLinesAreJsonRecordsTest.lines(changes(new NdjsonChangeSerializer(new JsonFactory()), sample));
            JsonNode envelope = JSON.readTree(changes(new JsonChangeSerializer(new JsonFactory()), sample));
            assertThat(envelope.path("data").path("object").asText()).isEqualTo("changes");
            JsonNode inJson =
                    envelope.path("data").path("resources").path(sample.type().wireName());
            List<byte[]> records =
                    JsonRecords.recordBytes(JsonRecords.document(new JacksonJsonSerializer(new JsonFactory()), sample));
            assertThat(lines).hasSize(sample.rows().size() * 2).hasSize(inJson.size());
            for (int i = 0; i < lines.size(); i++) {
                JsonNode line = JSON.readTree(lines.get(i));
                assertThat(line).as("line %d", i).isEqualTo(inJson.get(i));
                if (i % 2 == 0) {
                    assertThat(line.get("op").asText()).isEqualTo("upsert");
                    assertThat(line.get("record")).isEqualTo(JSON.readTree(records.get(i / 2)));
                    assertThat(new String(lines.get(i), StandardCharsets.UTF_8))
                            .contains("\"record\":" + new String(records.get(i / 2), StandardCharsets.UTF_8));
                    assertThat(line.get("id")).isEqualTo(line.get("record").get("id"));
                } else {
                    assertThat(line.get("op").asText()).isEqualTo("delete");
                    assertThat(line.get("id"))
                            .isEqualTo(JSON.readTree(lines.get(i - 1)).get("id"));
                    assertThat(line.get("deletedAt").asText()).isEqualTo("2026-12-07T10:00:00.123456Z");
                }
            }
            assertThat(envelope.path("data")
                            .path("nextCursor")
                            .path(sample.type().wireName())
                            .asText())
                    .isNotBlank();
            assertThat(ExportFormat.NDJSON).isEqualTo(new NdjsonChangeSerializer(new JsonFactory()).format());
        });
    }
}
