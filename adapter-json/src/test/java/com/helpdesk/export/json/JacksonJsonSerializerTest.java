package com.helpdesk.export.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.spool.MemorySpool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON serializer without HTTP: rows as the spool holds them, the envelope around them, read back by Jackson. */
class JacksonJsonSerializerTest {

    private static final ResourceType TICKETS = ResourceType.TICKETS;
    private static final ResourceType ARTICLES = ResourceType.ARTICLES;
    private final Serializer json = new JacksonJsonSerializer(new JsonFactory());

    /** A row over a map by field name, as the tests build it. */
    private record MapRow(ResourceType type, Map<String, Object> values) implements Row {
        @Override
        public Object value(Field field) {
            return values.get(field.name());
        }
    }

    /** One resource of a document to write: its rows and what the reader said of them. */
    private record Section(ResourceType type, List<Field> fields, List<Row> rows, PageSummary summary) {}

    private static Section section(ResourceType type, List<Field> fields, List<Row> rows, PageSummary summary) {
        return new Section(type, fields, rows, summary);
    }

    /** The document as an export writes it into a spool and sends it, parsed. */
    private JsonNode write(Section... sections) throws IOException {
        ExportHead head = new ExportHead(
                "req_test",
                new TeamId(new UUID(1, 2)),
                Instant.parse("2026-12-01T10:00:00.123Z"),
                ExportFormat.JSON,
                CsvOptions.DEFAULT,
                10_000);
        try (MemorySpool spool = new MemorySpool()) {
            Serializer.DocumentWriter document = json.start(head, spool);
            List<ExportSection> written = new ArrayList<>();
            for (Section section : sections) {
                Serializer.RowWriter writer = document.resource(section.type(), section.fields());
                for (Row row : section.rows()) {
                    writer.accept(row);
                }
                writer.finish();
                written.add(new ExportSection(section.type(), section.fields(), section.summary()));
            }
            PreparedDocument prepared = document.finish(written);
            assertThat(prepared.delivery()).isEqualTo(Delivery.inline("application/json"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (SpoolRange range : prepared.body()) {
                spool.copyTo(range.from(), range.to(), out);
            }
            assertThat(spool.size())
                    .as("every byte of the spool is in the document once: the rows are not copied")
                    .isEqualTo(out.size());
            return new ObjectMapper().readTree(out.toByteArray());
        }
    }

    /** The rows alone, as a resource's part of the document holds them. */
    private String rowsText(List<Field> fields, List<Row> rows) throws IOException {
        ByteArrayOutputStream spool = new ByteArrayOutputStream();
        Serializer.RowWriter writer = ((JacksonJsonSerializer) json).rows(fields, spool);
        for (Row row : rows) {
            writer.accept(row);
        }
        writer.finish();
        return spool.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheEnvelopeInTheContractsOrderAroundTheSpooledRows() throws IOException {
        UUID id = UUID.fromString("0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8");
        Instant created = Instant.parse("2026-01-02T03:04:05.000006Z");
        List<Field> fields = TICKETS.selectFields(
                List.of("id", "title", "tags", "messageCount", "createdAt", "resolvedAt", "customerId"), "fields");
        List<Row> rows = new ArrayList<>();
        rows.add(new MapRow(
                TICKETS,
                Map.of(
                        "id",
                        id,
                        "title",
                        "a \"quoted\", line\nbreak",
                        "tags",
                        List.of("x", "y"),
                        "messageCount",
                        3,
                        "createdAt",
                        created)));
        rows.add(new MapRow(
                TICKETS,
                Map.of("id", id, "title", "second", "tags", List.of(), "messageCount", 0, "createdAt", created)));
        Cursor next = new Cursor(TICKETS, created, id);
        JsonNode root = write(
                section(TICKETS, fields, rows, new PageSummary(2, true, Optional.of(next))),
                section(
                        ARTICLES,
                        ARTICLES.selectFields(List.of("id"), "fields"),
                        List.of(),
                        new PageSummary(0, false, Optional.empty())));

        assertThat(names(root)).containsExactly("success", "data", "meta");
        assertThat(names(root.get("data")))
                .containsExactly("object", "format", "totalRows", "resources", "hasMore", "nextCursor", "limits");
        assertThat(root.get("data").get("totalRows").asInt()).isEqualTo(2);
        JsonNode first = root.get("data").get("resources").get("tickets").get(0);
        assertThat(names(first))
                .containsExactly("id", "title", "tags", "messageCount", "createdAt", "resolvedAt", "customerId");
        assertThat(first.get("id").asText()).isEqualTo("tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8");
        assertThat(first.get("title").asText()).isEqualTo("a \"quoted\", line\nbreak");
        assertThat(first.get("tags")).hasSize(2);
        assertThat(first.get("messageCount").isInt()).isTrue();
        assertThat(first.get("createdAt").asText()).isEqualTo("2026-01-02T03:04:05.000006Z");
        assertThat(first.get("resolvedAt").isNull()).isTrue();
        assertThat(first.get("customerId").isNull()).isTrue();
        assertThat(root.get("data").get("resources").get("tickets").get(1).get("tags"))
                .isEmpty();
        assertThat(root.get("data").get("resources").get("articles")).isEmpty();
        assertThat(root.get("data").get("hasMore").get("tickets").asBoolean()).isTrue();
        assertThat(root.get("data").get("nextCursor").get("tickets").asText()).isEqualTo(next.encode());
        assertThat(root.get("data").get("nextCursor").get("articles").isNull()).isTrue();
        assertThat(root.get("meta").get("timestamp").asText()).isEqualTo("2026-12-01T10:00:00Z");
    }

    @Test
    void aValueOfTheWrongJavaTypeIsRefusedNamingTheField() {
        List<Field> fields = TICKETS.selectFields(List.of("createdAt"), "fields");
        Row wrong = new MapRow(TICKETS, Map.of("createdAt", "2026-01-01T00:00:00Z"));
        assertThatThrownBy(() -> rowsText(fields, List.of(wrong)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("createdAt");
    }

    @Test
    void writesCustomFieldsAsOneTypedObjectInPositionOrderAndMetadataAsItsObject() throws IOException {
        List<CustomFieldDefinition> definitions = List.of(
                new CustomFieldDefinition("plan", "Plan", CustomFieldKind.SELECT, 0),
                new CustomFieldDefinition("note", "Note", CustomFieldKind.TEXT, 1),
                new CustomFieldDefinition("amount", "Amount", CustomFieldKind.NUMBER, 2),
                new CustomFieldDefinition("vip", "VIP", CustomFieldKind.BOOLEAN, 3),
                new CustomFieldDefinition("due", "Due", CustomFieldKind.DATE, 4));
        List<Field> fields = FieldSelection.parse(TICKETS, List.of("id", "customFields", "metadata"), "fields")
                .resolve(definitions);
        Map<String, Object> values = new HashMap<>(Map.of(
                "id",
                new UUID(0, 1),
                "metadata",
                "{\"source\": \"mail\", \"n\": [1, 2.50, null], \"deep\": {\"x\": true}}",
                "customFields.plan",
                "=gold",
                "customFields.amount",
                new BigDecimal("12345678901234567890.0100"),
                "customFields.vip",
                false,
                "customFields.due",
                LocalDate.of(2026, 2, 28)));
        List<Row> rows = List.of(new MapRow(TICKETS, values), new MapRow(TICKETS, Map.of("id", new UUID(0, 2))));
        String text = rowsText(fields, rows);
        assertThat(text)
                .as("numbers as stored, metadata compact")
                .contains("\"customFields\":{\"plan\":\"=gold\",\"note\":null,\"amount\":12345678901234567890.0100,"
                        + "\"vip\":false,\"due\":\"2026-02-28\"},"
                        + "\"metadata\":{\"source\":\"mail\",\"n\":[1,2.50,null],\"deep\":{\"x\":true}}");

        JsonNode root = write(section(TICKETS, fields, rows, new PageSummary(2, false, Optional.empty())));
        JsonNode first = root.get("data").get("resources").get("tickets").get(0);
        assertThat(names(first)).containsExactly("id", "customFields", "metadata");
        assertThat(names(first.get("customFields"))).containsExactly("plan", "note", "amount", "vip", "due");
        assertThat(first.get("customFields").get("amount").isNumber()).isTrue();
        JsonNode second = root.get("data").get("resources").get("tickets").get(1);
        assertThat(second.get("metadata").isObject()).isTrue();
        assertThat(second.get("metadata")).isEmpty();
        assertThat(names(second.get("customFields")))
                .as("every defined field, null when empty")
                .containsExactly("plan", "note", "amount", "vip", "due");

        // a team that defines none: the group is the empty object; one field alone stands where the request put it
        JsonNode none = write(section(
                TICKETS,
                FieldSelection.parse(TICKETS, List.of("customFields", "id"), "f")
                        .resolve(List.of()),
                rows,
                new PageSummary(2, false, Optional.empty())));
        JsonNode empty = none.get("data").get("resources").get("tickets").get(0);
        assertThat(names(empty)).containsExactly("customFields", "id");
        assertThat(empty.get("customFields").isObject()).isTrue();
        assertThat(empty.get("customFields")).isEmpty();
        JsonNode one = write(section(
                TICKETS,
                FieldSelection.parse(TICKETS, List.of("id", "customFields.due"), "f")
                        .resolve(definitions),
                rows,
                new PageSummary(2, false, Optional.empty())));
        assertThat(one.get("data").get("resources").get("tickets").get(0).toString())
                .isEqualTo(
                        "{\"id\":\"tkt_00000000000000000000000000000001\",\"customFields\":{\"due\":\"2026-02-28\"}}");
    }

    /**
     * Text goes out from its UTF-8 bytes ({@link Row#textUtf8}); the bytes written must be exactly those of Jackson's
     * {@code writeString} of the same text, with characters beyond the BMP as four bytes as the serializer writes
     * every string (every ASCII character, control characters and escapes included, and characters of two, three and
     * four UTF-8 bytes), and read back as the text.
     */
    @Test
    void textFromUtf8BytesIsWrittenExactlyAsFromItsString() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        List<String> texts = List.of(
                all.toString(),
                "é, \"quoted\"\r\nline\tbreak \\ slash / end",
                "日本語 Ж émoji😀 \u2028\u2029 \u00a0\u00ff\uffff",
                "=1+2 \u0000\u001f\u007f",
                "x".repeat(20_000) + "😀\n");
        List<Field> fields = TICKETS.selectFields(List.of("title"), "fields");
        JsonFactory plain = JsonFactory.builder()
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
        for (String text : texts) {
            String written = rowsText(fields, List.of(new MapRow(TICKETS, Map.of("title", text))));

            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (var generator = plain.createGenerator(expected)) {
                generator.writeStartObject();
                generator.writeStringField("title", text);
                generator.writeEndObject();
            }
            assertThat(written).isEqualTo(expected.toString(StandardCharsets.UTF_8));
            assertThat(new ObjectMapper()
                            .readTree(written.getBytes(StandardCharsets.UTF_8))
                            .get("title")
                            .asText())
                    .isEqualTo(text);
        }
        // strings written as strings (tags here) look the same: four bytes, not two escaped surrogates
        assertThat(rowsText(
                        TICKETS.selectFields(List.of("tags"), "fields"),
                        List.of(new MapRow(TICKETS, Map.of("tags", List.of("émoji😀"))))))
                .isEqualTo("{\"tags\":[\"émoji😀\"]}");
    }

    @Test
    void writesMessagesAndMembers() throws IOException {
        ResourceType messages = ResourceType.MESSAGES;
        Row message = new MapRow(
                messages,
                Map.of(
                        "id",
                        new UUID(0, 3),
                        "ticketId",
                        new UUID(0, 1),
                        "sender",
                        "agent",
                        "authorId",
                        "mem_00000000000000000000000000000009",
                        "isInternal",
                        true,
                        "content",
                        "hi"));
        JsonNode root = write(
                section(messages, messages.fields(), List.of(message), new PageSummary(1, false, Optional.empty())));
        JsonNode first = root.get("data").get("resources").get("messages").get(0);
        assertThat(names(first))
                .containsExactly(
                        "id", "ticketId", "sender", "authorId", "senderName", "isInternal", "content", "createdAt");
        assertThat(first.get("id").asText()).isEqualTo("msg_00000000000000000000000000000003");
        assertThat(first.get("ticketId").asText()).isEqualTo("tkt_00000000000000000000000000000001");
        assertThat(first.get("authorId").asText()).isEqualTo("mem_00000000000000000000000000000009");
        assertThat(first.get("isInternal").asBoolean()).isTrue();
        assertThat(first.get("senderName").isNull()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
