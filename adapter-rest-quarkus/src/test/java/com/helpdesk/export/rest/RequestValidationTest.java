package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.error;
import static com.helpdesk.export.rest.Api.exportPath;
import static com.helpdesk.export.rest.Api.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.helpdesk.export.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Body errors (not JSON, too large, wrong media type; a field missing, invalid or unknown): each a 4xx in the
 * envelope, with the field named.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RequestValidationTest {

    private static final String KEY = DemoDataset.LIVE_SECRET_KEY;

    private static ValidatableResponse bad(String body) {
        return post(KEY, DEMO_TEAM, body);
    }

    @Test
    void bodyThatIsNotJsonIsInvalidJson() {
        for (String body : new String[] {
            "{not json", "{\"resources\":[", "", "[]", "null", "42", "{\"resources\":[{\"type\":\"tickets\"}]} trailing"
        }) {
            error(bad(body), 400, "invalid_request_error", "invalid_json").body("error.param", nullValue());
        }
    }

    @Test
    void invalidUtf8IsInvalidJson() {
        byte[] body = "{\"resources\":[{\"type\":\"tickets\",\"filters\":{\"search\":\"\u0000\"}}]}"
                .getBytes(StandardCharsets.UTF_8);
        body[body.length - 6] = (byte) 0xC3; // a lone lead byte
        body[body.length - 5] = (byte) 0x28;
        error(
                given().header("Authorization", "Bearer " + KEY)
                        .contentType("application/json")
                        .body(body)
                        .post(exportPath(DEMO_TEAM))
                        .then(),
                400,
                "invalid_request_error",
                "invalid_json");
    }

    @Test
    void bodyOver64KibIsPayloadTooLarge() {
        String big = "{\"resources\":[{\"type\":\"tickets\",\"filters\":{\"search\":\"" + "a".repeat(70_000) + "\"}}]}";
        error(bad(big), 413, "invalid_request_error", "payload_too_large");
    }

    @Test
    void bodyOverTheServersHardLimitStillGetsTheEnvelope() {
        byte[] huge = new byte[11 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        error(
                given().header("Authorization", "Bearer " + KEY)
                        .contentType("application/json")
                        .body(huge)
                        .post(exportPath(DEMO_TEAM))
                        .then(),
                413,
                "invalid_request_error",
                "payload_too_large");
    }

    @Test
    void wrongOrMissingMediaTypeIsUnsupported() {
        String body = "{\"resources\":[{\"type\":\"tickets\"}]}";
        for (String type : new String[] {
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=latin1"
        }) {
            error(
                    given().header("Authorization", "Bearer " + KEY)
                            .contentType(type)
                            .body(body)
                            .post(exportPath(DEMO_TEAM))
                            .then(),
                    415,
                    "invalid_request_error",
                    "unsupported_media_type");
        }
        error(
                given().header("Authorization", "Bearer " + KEY)
                        .body(body.getBytes(StandardCharsets.UTF_8))
                        .post(exportPath(DEMO_TEAM))
                        .then(),
                415,
                "invalid_request_error",
                "unsupported_media_type");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                                        | parameter_missing | resources
            {"resources":null}                                                        | parameter_missing | resources
            {"resources":[]}                                                          | parameter_invalid | resources
            {"resources":"tickets"}                                                   | parameter_invalid | resources
            {"resources":[{"type":"tickets"},{"type":"customers"},{"type":"articles"},{"type":"messages"},{"type":"members"},{"type":"tickets"}]} | parameter_invalid | resources
            {"resources":[{"type":"tickets"},{"type":"tickets"}]}                     | parameter_invalid | resources[1].type
            {"resources":[{}]}                                                        | parameter_missing | resources[0].type
            {"resources":[null]}                                                      | parameter_missing | resources[0]
            {"resources":[{"type":"invoices"}]}                                       | parameter_invalid | resources[0].type
            {"resources":[{"type":7}]}                                                | parameter_invalid | resources[0].type
            {"resources":[{"type":"tickets","colour":"red"}]}                         | parameter_unknown | resources[0].colour
            {"resources":[{"type":"tickets"}],"extra":1}                              | parameter_unknown | extra
            {"resources":[{"type":"tickets","filters":{"colour":"red"}}]}             | parameter_unknown | resources[0].filters.colour
            {"resources":[{"type":"tickets","filters":{"sentiment":"positive"}}]}     | parameter_unknown | resources[0].filters.sentiment
            {"resources":[{"type":"tickets","filters":{"status":"lost"}}]}            | parameter_invalid | resources[0].filters.status
            {"resources":[{"type":"tickets","filters":{"status":["open","lost"]}}]}   | parameter_invalid | resources[0].filters.status[1]
            {"resources":[{"type":"tickets","filters":{"status":[]}}]}                | parameter_invalid | resources[0].filters.status
            {"resources":[{"type":"tickets","filters":{"status":5}}]}                 | parameter_invalid | resources[0].filters.status
            {"resources":[{"type":"tickets","filters":{"createdAfter":"yesterday"}}]} | parameter_invalid | resources[0].filters.createdAfter
            {"resources":[{"type":"tickets","filters":{"customerId":"cus_123"}}]}     | parameter_invalid | resources[0].filters.customerId
            {"resources":[{"type":"articles","filters":{"isPublic":"yes"}}]}          | parameter_invalid | resources[0].filters.isPublic
            {"resources":[{"type":"tickets","filters":"open"}]}                       | parameter_invalid | resources[0].filters
            {"resources":[{"type":"tickets","fields":[]}]}                            | parameter_invalid | resources[0].fields
            {"resources":[{"type":"tickets","fields":["id","colour"]}]}               | parameter_invalid | resources[0].fields[1]
            {"resources":[{"type":"tickets","fields":["id","id"]}]}                   | parameter_invalid | resources[0].fields[1]
            {"resources":[{"type":"tickets","fields":"id"}]}                          | parameter_invalid | resources[0].fields
            {"resources":[{"type":"tickets","cursor":"garbage"}]}                     | parameter_invalid | resources[0].cursor
            {"resources":[{"type":"tickets","cursor":12}]}                            | parameter_invalid | resources[0].cursor
            {"resources":[{"type":"tickets"}],"format":"xml"}                         | parameter_invalid | format
            {"resources":[{"type":"tickets"},{"type":"customers"}],"format":"csv"}    | parameter_invalid | resources
            {"resources":[{"type":"tickets"},{"type":"customers"}],"format":"ndjson"} | parameter_invalid | format
            {"resources":[{"type":"tickets"}],"format":"ndjson","csv":{"bom":true}}   | parameter_invalid | csv
            {"resources":[{"type":"tickets"}],"format":"XLSX"}                        | parameter_invalid | format
            {"resources":[{"type":"tickets"}],"csv":{"bom":true}}                     | parameter_invalid | csv
            {"resources":[{"type":"tickets"}],"format":"csv","csv":{"bom":"yes"}}     | parameter_invalid | csv.bom
            {"resources":[{"type":"tickets"}],"format":"csv","csv":{"excel":true}}    | parameter_unknown | csv.excel
            """)
    void fieldErrorsNameTheField(String body, String code, String param) {
        error(bad(body), 400, "invalid_request_error", code).body("error.param", equalTo(param));
    }

    @Test
    void enumErrorsListTheAllowedValues() {
        bad("{\"resources\":[{\"type\":\"tickets\",\"filters\":{\"priority\":\"asap\"}}]}")
                .statusCode(400)
                .body("error.message", containsString("low, normal, high, urgent"));
        bad("{\"resources\":[{\"type\":\"tickets\"}],\"format\":\"xls\"}")
                .statusCode(400)
                .body("error.param", equalTo("format"))
                .body("error.message", equalTo("Invalid format 'xls'. Allowed values: json, csv, ndjson, xlsx."));
    }

    @Test
    void aCursorOfAnotherTypeIsRefused() {
        String cursor = post(KEY, DEMO_TEAM, "{\"resources\":[{\"type\":\"tickets\",\"fields\":[\"id\"]}]}")
                .statusCode(200)
                .extract()
                .path("data.nextCursor.tickets");
        error(
                        bad("{\"resources\":[{\"type\":\"customers\",\"cursor\":\"" + cursor + "\"}]}"),
                        400,
                        "invalid_request_error",
                        "parameter_invalid")
                .body("error.param", equalTo("resources[0].cursor"));
    }
}
