package com.helpdesk.export.ndjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.json.GeneratedRows;
import com.helpdesk.export.json.JsonRecords;
import com.helpdesk.export.spool.MemorySpool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The NDJSON file of one resource: its bytes, how it is delivered, and the one-resource rule. */
class NdjsonSerializerTest {

    private final Serializer ndjson = new NdjsonSerializer(new JsonFactory());

    private static GeneratedRows.MapRow ticket(String title, int messages) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", new UUID(1, 2));
        values.put("title", title);
        values.put("messageCount", messages);
        values.put("tags", List.of("a", "=b"));
        return new GeneratedRows.MapRow(values);
    }

    @Test
    void oneCompactRecordALineEachEndedByALineFeedAndNothingElse() throws IOException {
        List<Field> fields = ResourceType.TICKETS.selectFields(List.of("id", "title", "tags", "messageCount"), "f");
        byte[] body = JsonRecords.document(
                ndjson,
                new GeneratedRows.Sample(
                        ResourceType.TICKETS,
                        List.of(),
                        fields,
                        List.of(ticket("first \"line\"\nstill first", 3), ticket("second\u2028", 0))));
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"tkt_00000000000000010000000000000002\",\"title\":\"first \\\"line\\\"\\nstill "
                        + "first\",\"tags\":[\"a\",\"=b\"],\"messageCount\":3}\n"
                        + "{\"id\":\"tkt_00000000000000010000000000000002\",\"title\":\"second\u2028\","
                        + "\"tags\":[\"a\",\"=b\"],\"messageCount\":0}\n");
        assertThat(body[0]).as("no byte-order mark").isEqualTo((byte) '{');
    }

    @Test
    void noRowsIsAnEmptyBody() throws IOException {
        byte[] body = JsonRecords.document(
                ndjson,
                new GeneratedRows.Sample(ResourceType.MEMBERS, List.of(), ResourceType.MEMBERS.fields(), List.of()));
        assertThat(body).isEmpty();
    }

    @Test
    void deliveredAsAnAttachmentWithTheHeadersOfOneResource() throws IOException {
        Cursor next = new Cursor(ResourceType.TICKETS, Instant.parse("2026-01-02T03:04:05Z"), new UUID(1, 2));
        try (MemorySpool spool = new MemorySpool()) {
            Serializer.DocumentWriter document = ndjson.start(JsonRecords.head(ExportFormat.NDJSON), spool);
            List<Field> fields = ResourceType.TICKETS.selectFields(List.of("id", "title"), "f");
            Serializer.RowWriter rows = document.resource(ResourceType.TICKETS, fields);
            rows.accept(ticket("t", 1));
            rows.finish();
            PreparedDocument prepared = document.finish(List.of(
                    new ExportSection(ResourceType.TICKETS, fields, new PageSummary(1, true, Optional.of(next)))));
            assertThat(prepared.delivery().mediaType()).isEqualTo("application/x-ndjson");
            assertThat(prepared.delivery().fileName())
                    .contains("tickets-5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b-20261201T100000Z.ndjson");
            assertThat(prepared.delivery().headers())
                    .containsExactly(
                            Map.entry("X-Total-Rows", "1"),
                            Map.entry("X-Has-More", "true"),
                            Map.entry("X-Next-Cursor", next.encode()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (SpoolRange range : prepared.body()) {
                spool.copyTo(range.from(), range.to(), out);
            }
            assertThat(out.size()).isEqualTo(spool.size());
        }
    }

    @Test
    void holdsExactlyOneResource() throws IOException {
        try (MemorySpool spool = new MemorySpool()) {
            Serializer.DocumentWriter document = ndjson.start(JsonRecords.head(ExportFormat.NDJSON), spool);
            List<Field> fields = ResourceType.MEMBERS.fields();
            document.resource(ResourceType.MEMBERS, fields).finish();
            assertThatThrownBy(() -> document.resource(ResourceType.TICKETS, ResourceType.TICKETS.fields()))
                    .isInstanceOf(IllegalStateException.class);
            ExportSection members =
                    new ExportSection(ResourceType.MEMBERS, fields, new PageSummary(0, false, Optional.empty()));
            assertThatThrownBy(() -> document.finish(List.of(members, members)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(document.finish(List.of(members)).delivery().headers())
                    .containsExactly(Map.entry("X-Total-Rows", "0"), Map.entry("X-Has-More", "false"));
        }
    }
}
