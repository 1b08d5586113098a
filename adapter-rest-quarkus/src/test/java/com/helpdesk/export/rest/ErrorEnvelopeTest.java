package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.error;
import static com.helpdesk.export.rest.Api.exportPath;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.helpdesk.export.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Unknown routes, wrong methods and server faults answer in the error envelope, with no stack trace. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ErrorEnvelopeTest {

    @Test
    void unknownRoutesAreResourceMissing() {
        for (String path : new String[] {
            "/",
            "/nope",
            "/api/v1/teams",
            "/api/v1/teams/" + DEMO_TEAM + "/exports",
            "/api/v2/teams/" + DEMO_TEAM + "/export"
        }) {
            error(
                    given().header("Authorization", "Bearer " + DemoDataset.LIVE_SECRET_KEY)
                            .get(path)
                            .then(),
                    404,
                    "invalid_request_error",
                    "resource_missing");
        }
        error(given().post("/does/not/exist").then(), 404, "invalid_request_error", "resource_missing");
    }

    @Test
    void otherMethodsAreMethodNotAllowed() {
        error(
                given().header("Authorization", "Bearer " + DemoDataset.LIVE_SECRET_KEY)
                        .get(exportPath(DEMO_TEAM))
                        .then(),
                405,
                "invalid_request_error",
                "method_not_allowed");
        error(given().delete(exportPath(DEMO_TEAM)).then(), 405, "invalid_request_error", "method_not_allowed");
        error(given().put(exportPath(DEMO_TEAM)).then(), 405, "invalid_request_error", "method_not_allowed");
    }

    @Test
    void serverFaultIsInternalErrorWithoutDetails() {
        error(given().get("/test-only/fault").then(), 500, "api_error", "internal_error")
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("DoNotLeak")))
                .body(not(containsString("at com.")));
    }

    @Test
    void successfulAnswersCarryARequestIdToo() {
        var response = given().header("Authorization", "Bearer " + DemoDataset.LIVE_SECRET_KEY)
                .contentType("application/json")
                .body("{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}")
                .post(exportPath(DEMO_TEAM))
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .body("meta.requestId", matchesPattern("req_[A-Za-z0-9]{24}"))
                .extract();
        assertThat(response.headers().getValues("X-Request-Id"))
                .hasSize(1)
                .containsExactly(response.<String>path("meta.requestId"));
    }
}
