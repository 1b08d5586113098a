package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.rest.web.error.HttpErrors;
import com.helpdesk.export.rest.web.request.ExportRequestBody;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** OpenAPI (and its drift from the code), health, metrics and the access log. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class OperationsSurfaceTest {

    private static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";

    private static JsonNode served() throws Exception {
        return new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    @Test
    void theDocumentInDocsIsTheServedOne() throws Exception {
        JsonNode docs = new YAMLMapper().readTree(Files.readString(Path.of("../docs/openapi.yaml")));
        JsonNode served = served();
        // both, for a diff when they differ
        Files.writeString(Path.of("target/openapi-served.json"), served.toPrettyString());
        Files.writeString(Path.of("target/openapi-docs.json"), docs.toPrettyString());
        assertThat(served).isEqualTo(docs);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void theDocumentDescribesTheCodeAsItIs() throws Exception {
        JsonNode api = served();
        JsonNode schemas = api.get("components").get("schemas");
        assertThat(names(schemas.get("ExportRequest").get("properties")))
                .containsExactlyInAnyOrderElementsOf(components(ExportRequestBody.class));
        assertThat(names(schemas.get("ResourceRequest").get("properties")))
                .containsExactlyInAnyOrderElementsOf(components(ExportRequestBody.ResourceBody.class));
        assertThat(names(schemas.get("ExportRequest")
                        .get("properties")
                        .get("csv")
                        .get("properties")))
                .containsExactlyInAnyOrderElementsOf(components(ExportRequestBody.CsvBody.class));
        assertThat(texts(schemas.get("ResourceRequest")
                        .get("properties")
                        .get("type")
                        .get("enum")))
                .containsExactlyElementsOf(Arrays.stream(ResourceType.values())
                        .map(ResourceType::wireName)
                        .toList());
        String filterDoc = schemas.get("ResourceRequest")
                .get("properties")
                .get("filters")
                .get("description")
                .asText();
        for (ResourceType type : ResourceType.values()) {
            String line = filterDoc.substring(filterDoc.indexOf(type.wireName() + ":"));
            line = line.substring(0, line.indexOf('.'));
            assertThat(line.substring(line.indexOf(':') + 1)
                            .replaceAll("\\s+", " ")
                            .trim())
                    .as(type.wireName())
                    .isEqualTo(String.join(", ", type.filters().keySet()));
        }
        String fieldDoc = schemas.get("ResourceRequest")
                .get("properties")
                .get("fields")
                .get("description")
                .asText();
        JsonNode resources = schemas.get("ExportEnvelope")
                .get("properties")
                .get("data")
                .get("properties")
                .get("resources")
                .get("properties");
        assertThat(names(resources))
                .containsExactlyElementsOf(Arrays.stream(ResourceType.values())
                        .map(ResourceType::wireName)
                        .toList());
        for (ResourceType type : ResourceType.values()) {
            String line = fieldDoc.substring(fieldDoc.indexOf(type.wireName() + ":"));
            line = line.substring(0, line.indexOf('.'));
            assertThat(line.substring(line.indexOf(':') + 1)
                            .replaceAll("\\s+", " ")
                            .trim())
                    .as("fields of %s", type.wireName())
                    .isEqualTo(String.join(", ", type.fieldNames()));
            String record =
                    resources.get(type.wireName()).get("items").get("$ref").asText();
            assertThat(names(schemas.get(record.substring(record.lastIndexOf('/') + 1))
                            .get("properties")))
                    .as("record of %s", type.wireName())
                    .containsExactlyElementsOf(type.fieldNames());
        }
        assertThat(api.get("servers")).as("servers").isNotEmpty();
        assertThat(api.get("info").get("license").get("name").asText()).isNotBlank();
        assertThat(texts(schemas.get("ErrorEnvelope")
                        .get("properties")
                        .get("error")
                        .get("properties")
                        .get("code")
                        .get("enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values())
                        .map(ErrorCode::wireName)
                        .toList());
        JsonNode responses = api.get("paths")
                .get("/api/v1/teams/{teamId}/export")
                .get("post")
                .get("responses");
        JsonNode changes = api.get("paths")
                .get("/api/v1/teams/{teamId}/changes")
                .get("post")
                .get("responses");
        for (ErrorCode code : ErrorCode.values()) {
            // an expired cursor is the change feed's answer; every other code is the export's too
            JsonNode response = (code == ErrorCode.CURSOR_EXPIRED ? changes : responses)
                    .get(Integer.toString(HttpErrors.status(code)));
            assertThat(response).as(code.wireName()).isNotNull();
            assertThat(response.toString()).as(code.wireName()).contains(code.wireName());
        }
        assertThat(names(changes.get("200").get("content")))
                .containsExactlyInAnyOrder("application/json", "application/x-ndjson");
        assertThat(names(changes.get("200").get("headers")))
                .contains("X-Request-Id", "X-Changes-Lag", "X-Has-More", "X-Next-Cursor", "X-RateLimit-Limit");
        assertThat(texts(schemas.get("ChangesRequest")
                        .get("properties")
                        .get("format")
                        .get("enum")))
                .containsExactly("json", "ndjson");
        assertThat(names(schemas.get("ChangesResourceRequest").get("properties")))
                .containsExactlyInAnyOrder("type", "fields", "cursor");
        assertThat(names(schemas.get("ExportEnvelope")
                        .get("properties")
                        .get("data")
                        .get("properties")))
                .contains("syncCursor");
        assertThat(names(responses.get("200").get("content")))
                .containsExactlyInAnyOrder(
                        "application/json",
                        "text/csv; charset=utf-8; header=present",
                        "application/x-ndjson",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(texts(schemas.get("ExportRequest")
                        .get("properties")
                        .get("format")
                        .get("enum")))
                .containsExactlyElementsOf(Arrays.stream(ExportFormat.values())
                        .map(ExportFormat::wireName)
                        .toList());
        assertThat(names(responses.get("200").get("headers")))
                .contains(
                        "X-Request-Id",
                        "X-Total-Rows",
                        "X-Has-More",
                        "X-Next-Cursor",
                        "X-RateLimit-Limit",
                        "X-RateLimit-Remaining",
                        "X-RateLimit-Reset",
                        "X-RateLimit-Window",
                        "RateLimit-Policy",
                        "RateLimit",
                        "Content-Disposition",
                        "X-Sync-Cursor");
    }

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void livenessAndReadinessWithTheDatabaseOnTheManagementInterface() {
        assertThat(live.getPort()).as("the management port is not the API's").isNotEqualTo(RestAssured.port);
        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
        String answer = given().get(ready)
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .extract()
                .asString();
        assertThat(answer).containsIgnoringCase("database");
    }

    @Test
    void healthAndMetricsAreNotServedOnThePublicApiPort() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics")) {
            Api.error(given().get(path).then(), 404, "invalid_request_error", "resource_missing");
        }
    }

    @Test
    void metricsCountExportsRowsBytesAndFailures() {
        post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, SMALL).statusCode(200);
        post("sk_live_" + "m".repeat(30), DEMO_TEAM, SMALL).statusCode(401);
        String metrics =
                given().get(this.metrics).then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("export_requests_total\\{[^}]*format=\"json\"[^}]*outcome=\"ok\"[^}]*} [1-9]")
                .containsPattern("export_rows_total\\{[^}]*type=\"articles\"[^}]*} [1-9]")
                .containsPattern("export_bytes_total\\{[^}]*format=\"json\"[^}]*} [1-9]")
                .contains("export_duration_seconds_bucket")
                .containsPattern("export_authentication_failures_total\\{code=\"invalid_api_key\"[^}]*} [1-9]");
    }

    @Test
    void oneAccessLinePerRequestWithThePrefixNeverTheKey() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("export.access");
        logger.addHandler(handler);
        try {
            String requestId = post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, SMALL)
                    .statusCode(200)
                    .extract()
                    .header("X-Request-Id");
            for (int i = 0; i < 50 && lines.stream().noneMatch(l -> l.contains(requestId)); i++) {
                Thread.sleep(20);
            }
            String line = lines.stream()
                    .filter(l -> l.contains(requestId))
                    .findFirst()
                    .orElseThrow();
            assertThat(line)
                    .contains("status=200", "team=" + DEMO_TEAM, "key=sk_live_OWNR", "rows=300", "method=POST")
                    .containsPattern("bytes=[1-9]\\d* duration_ms=\\d+")
                    .doesNotContain(DemoDataset.LIVE_SECRET_KEY);
        } finally {
            logger.removeHandler(handler);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
    }
}
