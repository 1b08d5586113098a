package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.helpdesk.export.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * CSV end to end: headers, RFC 4180 body read back by an independent parser (commons-csv), and every cell
 * compared with the JSON export of the same rows.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CsvExportTest {

    /** Numbers exactly as written (1.50 stays 1.50), so that a cell and its JSON value compare as text. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static ExtractableResponse<Response> csv(String resource) {
        return post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, "{\"resources\":[" + resource + "],\"format\":\"csv\"}")
                .statusCode(200)
                .extract();
    }

    @Test
    void tenThousandTicketsWithHeadersThatSayMoreRowsMatch() throws Exception {
        ExtractableResponse<Response> response = csv("{\"type\":\"tickets\"}");
        assertThat(response.header("Content-Type")).isEqualTo("text/csv; charset=utf-8; header=present");
        assertThat(response.header("Content-Disposition"))
                .matches("attachment; filename=\"tickets-" + DEMO_TEAM + "-\\d{8}T\\d{6}Z\\.csv\"");
        assertThat(response.header("X-Total-Rows")).isEqualTo("10000");
        assertThat(response.header("X-Has-More")).isEqualTo("true");
        assertThat(response.header("X-Next-Cursor")).isNotBlank();

        byte[] bytes = response.asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("id,title,status,priority,customerId,assignedTo,tags,notes,messageCount,"
                        + "responseDeadline,resolutionDeadline,createdAt,updatedAt,resolvedAt,metadata,customFields.plan,"
                        + "customFields.order_ref,customFields.amount,customFields.is_vip,customFields.due_on\r\n");
        assertThat(text).endsWith("\r\n");
        List<CSVRecord> records = parse(text);
        assertThat(records).hasSize(10_001);
    }

    @Test
    void everyCellMatchesTheJsonOfTheSameRows() throws Exception {
        for (String type : List.of("tickets", "customers", "articles", "messages", "members")) {
            String resource = "{\"type\":\"" + type + "\"}";
            List<CSVRecord> records = parse(csv(resource).asString());
            JsonNode rows = JSON.readTree(
                            post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, "{\"resources\":[" + resource + "]}")
                                    .statusCode(200)
                                    .extract()
                                    .asString())
                    .get("data")
                    .get("resources")
                    .get(type);
            List<String> header = toList(records.get(0));
            assertThat(header).isEqualTo(columns(rows.get(0)));
            assertThat(records.size() - 1).isEqualTo(rows.size());
            int formulaCells = 0;
            for (int r = 0; r < rows.size(); r++) {
                CSVRecord record = records.get(r + 1);
                assertThat(record.size()).isEqualTo(header.size());
                for (int c = 0; c < header.size(); c++) {
                    JsonNode value = header.get(c).startsWith("customFields.")
                            ? rows.get(r).get("customFields").get(header.get(c).substring("customFields.".length()))
                            : rows.get(r).get(header.get(c));
                    String expected = expectedCell(header.get(c), value);
                    assertThat(record.get(c))
                            .as("%s row %d %s", type, r, header.get(c))
                            .isEqualTo(expected);
                    if (expected.startsWith("'")) {
                        formulaCells++;
                    }
                }
            }
            assertThat(formulaCells)
                    .as("the demo data holds formula-like %s texts", type)
                    .isPositive();
        }
    }

    @Test
    void bomIsWrittenOnRequest() {
        byte[] bytes = csv("{\"type\":\"articles\",\"fields\":[\"id\"]}").asByteArray();
        assertThat(bytes[0]).isNotEqualTo((byte) 0xEF);
        byte[] withBom = post(
                        DemoDataset.LIVE_SECRET_KEY,
                        DEMO_TEAM,
                        "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}],\"format\":\"csv\",\"csv\":{\"bom\":true}}")
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(new byte[] {withBom[0], withBom[1], withBom[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(withBom, 3, 4, StandardCharsets.UTF_8)).isEqualTo("id\r\n");
    }

    @Test
    void lastPageSaysNoMoreRows() {
        ExtractableResponse<Response> response = csv("{\"type\":\"articles\",\"fields\":[\"id\"]}");
        assertThat(response.header("X-Has-More")).isEqualTo("false");
        assertThat(response.header("X-Next-Cursor")).isNull();
    }

    @Test
    void nextCursorHeaderContinuesAfterTheLastRow() throws Exception {
        ExtractableResponse<Response> first = csv("{\"type\":\"tickets\",\"fields\":[\"id\",\"createdAt\"]}");
        List<CSVRecord> page1 = parse(first.asString());
        ExtractableResponse<Response> second =
                csv("{\"type\":\"tickets\",\"fields\":[\"id\",\"createdAt\"],\"cursor\":\""
                        + first.header("X-Next-Cursor") + "\"}");
        List<CSVRecord> page2 = parse(second.asString());
        CSVRecord last = page1.get(page1.size() - 1);
        CSVRecord next = page2.get(1);
        int byTime = Instant.parse(last.get(1)).compareTo(Instant.parse(next.get(1)));
        assertThat(byTime < 0 || (byTime == 0 && last.get(0).compareTo(next.get(0)) < 0))
                .isTrue();
    }

    /** The CSV columns of a JSON record: its fields, with the customFields object as one column per field. */
    static List<String> columns(JsonNode record) {
        List<String> columns = new ArrayList<>();
        for (String name : JsonExportTest.fieldNames(record)) {
            if (name.equals("customFields")) {
                JsonExportTest.fieldNames(record.get(name)).forEach(key -> columns.add("customFields." + key));
            } else {
                columns.add(name);
            }
        }
        return columns;
    }

    static String expectedCell(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isObject()) {
            return value.toString(); // metadata: compact JSON, never neutralised (it starts with a brace)
        }
        if (value.isArray()) {
            List<String> tags = new ArrayList<>();
            value.forEach(t -> tags.add(t.asText()));
            return neutralise(String.join(" ", tags));
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        String text = value.asText();
        boolean free = !field.equals("id")
                && !field.endsWith("Id")
                && !field.equals("assignedTo")
                && !field.endsWith("At")
                && !field.endsWith("Deadline");
        return free ? neutralise(text) : text;
    }

    private static String neutralise(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static List<CSVRecord> parse(String text) throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    private static List<String> toList(CSVRecord record) {
        List<String> list = new ArrayList<>();
        record.forEach(list::add);
        return list;
    }
}
