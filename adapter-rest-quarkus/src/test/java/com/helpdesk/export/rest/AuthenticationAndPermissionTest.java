package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.OTHER_TEAM;
import static com.helpdesk.export.rest.Api.error;
import static com.helpdesk.export.rest.Api.exportPath;
import static com.helpdesk.export.rest.Api.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.helpdesk.export.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every check of a key, its team and its role, each with its own answer and in their order, through the real HTTP
 * stack.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AuthenticationAndPermissionTest {

    private static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";

    @Test
    void noAuthorizationHeaderIsAuthenticationRequired() {
        error(
                given().contentType(ContentType.JSON)
                        .body(SMALL)
                        .post(exportPath(DEMO_TEAM))
                        .then(),
                401,
                "authentication_error",
                "authentication_required");
    }

    @Test
    void otherSchemesAndEmptyBearerAreAuthenticationRequired() {
        for (String header : new String[] {
            "Basic dXNlcjpwYXNz",
            "Bearer",
            "Bearer ",
            DemoDataset.LIVE_SECRET_KEY,
            "Token " + DemoDataset.LIVE_SECRET_KEY
        }) {
            error(
                    given().header("Authorization", header)
                            .contentType(ContentType.JSON)
                            .body(SMALL)
                            .post(exportPath(DEMO_TEAM))
                            .then(),
                    401,
                    "authentication_error",
                    "authentication_required");
        }
    }

    @Test
    void keyWithoutAKnownPrefixIsInvalidKeyFormat() {
        for (String key : new String[] {
            "abc",
            "sk_prod_0123456789abcdef0123",
            "rk_live_0123456789abcdef0123",
            "sk_live_short",
            "sk_live_has-a-dash-0123456789"
        }) {
            error(post(key, DEMO_TEAM, SMALL), 401, "authentication_error", "invalid_key_format")
                    .body("error.message", not(containsString(key)));
        }
    }

    @Test
    void unknownAndRevokedKeysAreInvalidApiKey() {
        error(post("sk_live_" + "x".repeat(32), DEMO_TEAM, SMALL), 401, "authentication_error", "invalid_api_key");
        error(post(DemoDataset.REVOKED_SECRET_KEY, DEMO_TEAM, SMALL), 401, "authentication_error", "invalid_api_key");
    }

    @Test
    void expiredKeyIsKeyExpired() {
        error(post(DemoDataset.EXPIRED_SECRET_KEY, DEMO_TEAM, SMALL), 401, "authentication_error", "key_expired");
    }

    @Test
    void publishableKeyNeedsASecretKey() {
        error(
                        post(DemoDataset.PUBLISHABLE_KEY, DEMO_TEAM, SMALL),
                        403,
                        "authorization_error",
                        "insufficient_permissions")
                .body("error.message", equalTo("Secret key required for this endpoint"));
    }

    @Test
    void keyOfAnotherTeamIsDeniedWhetherOrNotTheTeamExists() {
        error(
                post(DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY, DEMO_TEAM, SMALL),
                403,
                "authorization_error",
                "team_access_denied");
        error(post(DemoDataset.LIVE_SECRET_KEY, OTHER_TEAM, SMALL), 403, "authorization_error", "team_access_denied");
        error(
                post(DemoDataset.LIVE_SECRET_KEY, UUID.randomUUID().toString(), SMALL),
                403,
                "authorization_error",
                "team_access_denied");
    }

    @Test
    void malformedTeamIdIsParameterInvalid() {
        error(post(DemoDataset.LIVE_SECRET_KEY, "not-a-uuid", SMALL), 400, "invalid_request_error", "parameter_invalid")
                .body("error.param", equalTo("teamId"));
    }

    @Test
    void roleWithoutExportPermissionIsRefused() {
        error(
                post(DemoDataset.AGENT_SECRET_KEY, DEMO_TEAM, SMALL),
                403,
                "authorization_error",
                "insufficient_permissions");
    }

    @Test
    void managerMayExport() {
        post(DemoDataset.MANAGER_SECRET_KEY, DEMO_TEAM, SMALL).statusCode(200);
    }

    @Test
    void authenticationIsCheckedBeforeTheBody() {
        error(
                given().header("Authorization", "Bearer sk_live_" + "y".repeat(32))
                        .contentType("text/plain")
                        .body("{not json")
                        .post(exportPath(DEMO_TEAM))
                        .then(),
                401,
                "authentication_error",
                "invalid_api_key");
        error(
                post(DemoDataset.AGENT_SECRET_KEY, DEMO_TEAM, "{not json"),
                403,
                "authorization_error",
                "insufficient_permissions");
    }
}
