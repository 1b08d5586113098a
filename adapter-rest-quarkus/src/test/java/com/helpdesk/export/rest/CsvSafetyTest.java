package com.helpdesk.export.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSV safety on rows built to attack it: every text column of every type holds values that start
 * like a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, CR, and known payloads), injection strings and
 * random Unicode text. The CSV is read back by an independent reader (commons-csv, RFC 4180) and compared cell by
 * cell with the JSON export of the same rows: text that starts like a formula gets a leading {@code '}; numbers,
 * booleans, ids, enumerations and times are never altered.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(HostileSuiteProfile.class)
class CsvSafetyTest {

    /** The free-text columns of each type's records (tags included: one cell of tags joined by a space). */
    static final Map<String, Set<String>> TEXT_COLUMNS = Map.of(
            "tickets", Set.of("title", "notes", "tags", "customFields.formula"),
            "customers", Set.of("name", "email", "notes", "tags", "customFields.formula"),
            "articles", Set.of("title", "content", "category", "tags"),
            "messages", Set.of("content", "senderName"));

    static final Map<String, Set<String>> NUMBER_COLUMNS = Map.of(
            "tickets", Set.of("messageCount"),
            "customers", Set.of("ticketCount"),
            "articles", Set.of("viewCount", "useCount"),
            "messages", Set.of());
    private static final String FORMULA_STARTS = "=+-@\t\r";

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void data() {
        HostileData.ensure(dataSource);
    }

    static List<CSVRecord> parse(String csv) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(csv))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV cell the contract makes of a JSON value. */
    static String expectedCell(String column, boolean text, JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isObject()) {
            return value.toString(); // metadata: its compact JSON, which starts with a brace
        }
        String plain;
        if (value.isArray()) {
            List<String> tags = new ArrayList<>();
            value.forEach(t -> tags.add(t.asText()));
            plain = String.join(" ", tags);
        } else {
            plain = value.asText();
        }
        return text && !plain.isEmpty() && FORMULA_STARTS.indexOf(plain.charAt(0)) >= 0 ? "'" + plain : plain;
    }

    private JsonNode jsonRows(String type, String fields) {
        HostileHttp.Answer answer = HostileHttp.post(
                base,
                HostileData.LIVE_KEY,
                HostileData.TEAM_TEXT,
                "{\"resources\":[{\"type\":\"" + type + "\"" + fields + "}]}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode data = answer.json().get("data");
        assertThat(data.get("hasMore").get(type).asBoolean()).isFalse();
        return data.get("resources").get(type);
    }

    private HostileHttp.Answer csv(String type, String fields, boolean bom) {
        HostileHttp.Answer answer = HostileHttp.post(
                base,
                HostileData.LIVE_KEY,
                HostileData.TEAM_TEXT,
                "{\"resources\":[{\"type\":\"" + type + "\"" + fields + "}],\"format\":\"csv\""
                        + (bom ? ",\"csv\":{\"bom\":true}" : "") + "}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.header("content-type")).isEqualTo("text/csv; charset=utf-8; header=present");
        return answer;
    }

    /**
     * Compares every cell; returns, per text column, how many cells were neutralised.
     */
    private Map<String, Integer> compare(String type, JsonNode rows, List<CSVRecord> records) {
        List<String> header = new ArrayList<>();
        records.get(0).forEach(header::add);
        assertThat(records).hasSize(rows.size() + 1);
        Map<String, JsonNode> byId = new HashMap<>();
        rows.forEach(row -> {
            if (row.has("id")) {
                byId.put(row.get("id").asText(), row);
            }
        });
        Map<String, Integer> neutralised = new LinkedHashMap<>();
        for (int r = 1; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            assertThat(record.size()).isEqualTo(header.size());
            JsonNode row = header.contains("id") ? byId.get(record.get(header.indexOf("id"))) : rows.get(r - 1);
            assertThat(row).as("row %d is in the JSON export", r).isNotNull();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                boolean text = TEXT_COLUMNS.get(type).contains(column);
                String cell = record.get(c);
                JsonNode value = column.startsWith("customFields.")
                        ? row.get("customFields").get(column.substring("customFields.".length()))
                        : row.get(column);
                String expected = expectedCell(column, text, value);
                assertThat(cell).as("%s row %d column %s", type, r, column).isEqualTo(expected);
                if (text) {
                    assertThat(cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0)
                            .as("no text cell starts like a formula: %s %s %s", type, column, cell)
                            .isTrue();
                    if (cell.startsWith("'")
                            && !value.isNull()
                            && !expectedCell(column, false, value).startsWith("'")) {
                        neutralised.merge(column, 1, Integer::sum);
                    }
                } else if (NUMBER_COLUMNS.get(type).contains(column)) {
                    assertThat(Long.parseLong(cell)).isEqualTo(value.asLong());
                } else if ((column.endsWith("At") || column.endsWith("Deadline")) && !cell.isEmpty()) {
                    assertThat(Instant.parse(cell)).isEqualTo(Instant.parse(value.asText()));
                    assertThat(cell).endsWith("Z");
                } else if (column.equals("isPublic")) {
                    assertThat(cell).isIn("true", "false");
                }
            }
        }
        return neutralised;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tickets", "customers", "articles", "messages"})
    void formulaLikeTextInEveryTextColumnIsNeutralisedAndNothingElseChanges(String type) {
        JsonNode rows = jsonRows(type, "");
        assertThat(rows.size()).isGreaterThanOrEqualTo(HostileData.FORMULAS.size() + HostileData.RANDOM_ROWS);
        HostileHttp.Answer answer = csv(type, "", false);
        assertThat(answer.header("x-total-rows")).isEqualTo(Integer.toString(rows.size()));
        String text = answer.text();
        assertThat(text).endsWith("\r\n");
        Map<String, Integer> neutralised = compare(type, rows, parse(text));
        System.out.printf(
                "CsvSafetyTest %s: %d rows, %d cells compared, neutralised cells per text column %s%n",
                type, rows.size(), rows.size() * parse(text).get(0).size(), neutralised);
        assertThat(neutralised.keySet())
                .as("every text column had formula-like cells")
                .containsExactlyInAnyOrderElementsOf(TEXT_COLUMNS.get(type));
        for (String column : TEXT_COLUMNS.get(type)) {
            assertThat(neutralised.get(column))
                    .as(column)
                    .isGreaterThanOrEqualTo(
                            column.equals("tags") ? HostileData.FORMULA_TAGS.size() : HostileData.FORMULAS.size() / 2);
        }
    }

    @Test
    void selectedColumnsWithAByteOrderMarkAreNeutralisedToo() {
        String fields = ",\"fields\":[\"notes\",\"title\",\"messageCount\",\"id\",\"tags\",\"createdAt\"]";
        JsonNode rows = jsonRows("tickets", fields);
        byte[] bytes = csv("tickets", fields, true).body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("notes,title,messageCount,id,tags,createdAt\r\n");
        assertThat(compare("tickets", rows, parse(text))).containsKeys("notes", "title", "tags");
    }

    @Test
    void aOneColumnCsvOfFormulasKeepsEveryLine() {
        String fields = ",\"fields\":[\"category\"]";
        JsonNode rows = jsonRows("articles", fields);
        String text = csv("articles", fields, false).text();
        List<CSVRecord> records = parse(text);
        assertThat(records).hasSize(rows.size() + 1);
        assertThat(compare("articles", rows, records)).containsKey("category");
        // an empty cell of a one-column file is written "" so that no reader drops the line
        long empty = 0;
        for (JsonNode row : rows) {
            if (row.get("category").isNull() || row.get("category").asText().isEmpty()) {
                empty++;
            }
        }
        assertThat(empty).isPositive();
        assertThat(text.split("\r\n", -1)).filteredOn("\"\""::equals).hasSize((int) empty);
    }
}
