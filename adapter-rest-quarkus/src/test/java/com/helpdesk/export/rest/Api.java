package com.helpdesk.export.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.helpdesk.export.demo.DemoDataset;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Small helpers shared by the HTTP tests. */
final class Api {

    static final String DEMO_TEAM = String.valueOf(DemoDataset.DEMO_TEAM_ID);
    static final String OTHER_TEAM = String.valueOf(DemoDataset.OTHER_TEAM_ID);

    private Api() {}

    static String exportPath(String team) {
        return "/api/v1/teams/" + team + "/export";
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    static ValidatableResponse post(String key, String team, String body) {
        return as(key).body(body).when().post(exportPath(team)).then();
    }

    /** Asserts the contract's error envelope, and that its request id is the X-Request-Id header's. */
    static ValidatableResponse error(ValidatableResponse response, int status, String type, String code) {
        ValidatableResponse checked = response.statusCode(status)
                .contentType(ContentType.JSON)
                .body("success", equalTo(false))
                .body("error.type", equalTo(type))
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue())
                .body("error.doc_url", matchesPattern(".+#" + code))
                .body("error.request_id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .body("meta.timestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .header("X-Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"));
        String header = checked.extract().header("X-Request-Id");
        String body = checked.extract().path("error.request_id");
        if (!header.equals(body)) {
            throw new AssertionError("X-Request-Id " + header + " differs from the body's request id " + body);
        }
        return checked;
    }
}
