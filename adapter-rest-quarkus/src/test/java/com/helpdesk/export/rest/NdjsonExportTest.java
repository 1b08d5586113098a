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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * NDJSON end to end on the demo data: every line, for every type, is the record the JSON export gives for the same
 * row (Jackson trees and field order), the headers carry what the envelope would, and more than one resource is
 * refused naming {@code format}.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class NdjsonExportTest {

    /** Numbers exactly as written (1.50 stays 1.50). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static ExtractableResponse<Response> ndjson(String resource) {
        return post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, "{\"resources\":[" + resource + "],\"format\":\"ndjson\"}")
                .statusCode(200)
                .extract();
    }

    @Test
    void everyLineOfEveryTypeIsTheJsonRecordOfTheSameRow() throws Exception {
        for (String type : List.of("tickets", "customers", "articles", "messages", "members")) {
            String resource = "{\"type\":\"" + type + "\"}";
            byte[] body = ndjson(resource).asByteArray();
            JsonNode records = JSON.readTree(
                            post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, "{\"resources\":[" + resource + "]}")
                                    .statusCode(200)
                                    .extract()
                                    .asByteArray())
                    .get("data")
                    .get("resources")
                    .get(type);
            String text = new String(body, StandardCharsets.UTF_8);
            assertThat(text).as(type).endsWith("\n").doesNotStartWith("\uFEFF");
            String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
            assertThat(lines).as(type).hasSize(records.size());
            for (int i = 0; i < lines.length; i++) {
                JsonNode line = JSON.readTree(lines[i]);
                assertThat(line).as("%s line %d", type, i).isEqualTo(records.get(i));
                assertThat(JsonExportTest.fieldNames(line))
                        .as("%s line %d", type, i)
                        .isEqualTo(JsonExportTest.fieldNames(records.get(i)));
                assertThat(lines[i]).as("compact").doesNotContain("\": ").doesNotStartWith(" ");
            }
        }
    }

    @Test
    void tenThousandTicketsWithTheHeadersOfOneResourceAndACursorThatContinues() throws Exception {
        ExtractableResponse<Response> first = ndjson("{\"type\":\"tickets\",\"fields\":[\"id\",\"createdAt\"]}");
        assertThat(first.header("Content-Type")).isEqualTo("application/x-ndjson");
        assertThat(first.header("Content-Disposition"))
                .matches("attachment; filename=\"tickets-" + DEMO_TEAM + "-\\d{8}T\\d{6}Z\\.ndjson\"");
        assertThat(first.header("X-Total-Rows")).isEqualTo("10000");
        assertThat(first.header("X-Has-More")).isEqualTo("true");
        String[] page1 = first.asString().split("\n");
        assertThat(page1).hasSize(10_000);
        ExtractableResponse<Response> second = ndjson("{\"type\":\"tickets\",\"fields\":[\"id\",\"createdAt\"],"
                + "\"cursor\":\"" + first.header("X-Next-Cursor") + "\"}");
        JsonNode last = JSON.readTree(page1[page1.length - 1]);
        JsonNode next = JSON.readTree(second.asString().split("\n")[0]);
        int byTime =
                last.get("createdAt").asText().compareTo(next.get("createdAt").asText());
        assertThat(byTime < 0
                        || (byTime == 0
                                && last.get("id")
                                                .asText()
                                                .compareTo(next.get("id").asText())
                                        < 0))
                .isTrue();
        ExtractableResponse<Response> lastPage = ndjson("{\"type\":\"members\"}");
        assertThat(lastPage.header("X-Has-More")).isEqualTo("false");
        assertThat(lastPage.header("X-Next-Cursor")).isNull();
    }

    @Test
    void gzipWhenTheClientAsks() throws Exception {
        byte[] plain = ndjson("{\"type\":\"members\"}").asByteArray();
        ExtractableResponse<Response> zipped = Api.as(DemoDataset.LIVE_SECRET_KEY)
                .header("Accept-Encoding", "gzip")
                .body("{\"resources\":[{\"type\":\"members\"}],\"format\":\"ndjson\"}")
                .when()
                .post(Api.exportPath(DEMO_TEAM))
                .then()
                .statusCode(200)
                .extract();
        assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
        byte[] raw = zipped.asByteArray();
        // rest-assured may or may not have decoded it already: either way the lines are the same
        byte[] decoded = raw.length > 1 && raw[0] == (byte) 0x1f && raw[1] == (byte) 0x8b
                ? new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes()
                : raw;
        assertThat(decoded).isEqualTo(plain);
    }

    @Test
    void twoResourcesAreRefusedNamingFormat() {
        Api.error(
                        post(
                                DemoDataset.LIVE_SECRET_KEY,
                                DEMO_TEAM,
                                "{\"resources\":[{\"type\":\"tickets\"},{\"type\":\"members\"}],\"format\":\"ndjson\"}"),
                        400,
                        "invalid_request_error",
                        "parameter_invalid")
                .body("error.param", org.hamcrest.Matchers.equalTo("format"))
                .body("error.message", org.hamcrest.Matchers.containsString("exactly one resource"));
    }
}
