package com.helpdesk.export.rest;

import com.helpdesk.export.dev.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Instant;
import java.util.Map;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.OTHER_TEAM;
import static com.helpdesk.export.rest.Api.error;
import static com.helpdesk.export.rest.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** §6 through HTTP, with small limits so that they can be reached. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(RateLimitHttpTest.SmallLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitHttpTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("export.rate-limit.secret-per-window", "5",
                    "export.rate-limit.publishable-per-window", "3",
                    "export.auth-failures.max", "4");
        }
    }

    private static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";

    private static void assertHeaders(ExtractableResponse<Response> response, long limit, long remaining) {
        assertThat(response.header("X-RateLimit-Limit")).isEqualTo(Long.toString(limit));
        assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Long.toString(remaining));
        assertThat(response.header("X-RateLimit-Window")).isEqualTo("3600");
        long reset = Long.parseLong(response.header("X-RateLimit-Reset"));
        long now = Instant.now().getEpochSecond();
        assertThat(reset).isGreaterThan(now).isLessThanOrEqualTo(now + 3600).matches(r -> r % 3600 == 0,
                "the fixed window ends on the hour");
        assertThat(response.header("RateLimit-Policy")).isEqualTo("\"per-key\";q=" + limit + ";w=3600");
        assertThat(response.header("RateLimit")).matches("\"per-key\";r=" + remaining + ";t=\\d+");
        long t = Long.parseLong(response.header("RateLimit").replaceAll(".*;t=", ""));
        // t was computed when the call was counted, before this test read the clock: on a busy machine that can
        // be a few seconds earlier, never later
        assertThat(t).isBetween(reset - now - 2, reset - now + 5);
    }

    @Test
    @Order(1)
    void eachCallCountsAndTheSixthIsRefusedWithoutRunningTheExport() {
        for (int call = 1; call <= 5; call++) {
            ExtractableResponse<Response> ok = post(DemoDataset.ADMIN_SECRET_KEY, DEMO_TEAM, SMALL).statusCode(200)
                    .extract();
            assertHeaders(ok, 5, 5 - call);
        }
        // over the limit: 429 even for a body that would be invalid, since the export is not run
        ExtractableResponse<Response> refused = error(post(DemoDataset.ADMIN_SECRET_KEY, DEMO_TEAM, "{not json"), 429,
                "rate_limit_error", "rate_limit_exceeded").extract();
        assertHeaders(refused, 5, 0);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(refused.<Integer>path("error.retryAfter").longValue()).isEqualTo(retryAfter);
        long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
        assertThat(retryAfter).isBetween(reset - Instant.now().getEpochSecond() - 2,
                reset - Instant.now().getEpochSecond() + 5);
    }

    @Test
    @Order(2)
    void fourHundredsAfterAuthenticationCarryTheHeaders() {
        ExtractableResponse<Response> bad = error(post(DemoDataset.MANAGER_SECRET_KEY, DEMO_TEAM,
                "{\"resources\":[{\"type\":\"tickets\",\"filters\":{\"colour\":\"red\"}}]}"), 400,
                "invalid_request_error", "parameter_unknown").extract();
        long remaining = Long.parseLong(bad.header("X-RateLimit-Remaining"));
        assertThat(remaining).isBetween(0L, 4L);
        assertHeaders(bad, 5, remaining);
        // refused before the rate limit: the status is shown, the call is not counted
        ExtractableResponse<Response> denied = error(post(DemoDataset.MANAGER_SECRET_KEY, OTHER_TEAM, SMALL), 403,
                "authorization_error", "team_access_denied").extract();
        assertHeaders(denied, 5, remaining);
        ExtractableResponse<Response> publishable = error(post(DemoDataset.PUBLISHABLE_KEY, DEMO_TEAM, SMALL), 403,
                "authorization_error", "insufficient_permissions").extract();
        assertHeaders(publishable, 3, 3);
    }

    @Test
    @Order(3)
    void failedAuthenticationsCarryNoHeadersAndOnlyFailingKeysAreThrottledPerAddress() {
        for (int i = 0; i < 4; i++) {
            ExtractableResponse<Response> unknown = error(post("sk_live_" + "g".repeat(30 + i), DEMO_TEAM, SMALL), 401,
                    "authentication_error", "invalid_api_key").extract();
            assertThat(unknown.header("X-RateLimit-Limit")).isNull();
        }
        // past the address's allowance, a key that fails is refused with 429 ...
        for (String failing : new String[] {"sk_live_" + "h".repeat(32), "sk_live_short", DemoDataset.REVOKED_SECRET_KEY,
                DemoDataset.EXPIRED_SECRET_KEY}) {
            ExtractableResponse<Response> throttled = error(post(failing, DEMO_TEAM, SMALL), 429,
                    "rate_limit_error", "rate_limit_exceeded").extract();
            long retryAfter = Long.parseLong(throttled.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 600L);
            assertThat(throttled.<Integer>path("error.retryAfter").longValue()).isEqualTo(retryAfter);
            assertThat(throttled.header("X-RateLimit-Limit")).isNull();
        }
        // ... but a valid key from that very address is never refused for it (behind a NAT, that is every customer)
        post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, SMALL).statusCode(200);
        error(post(DemoDataset.AGENT_SECRET_KEY, DEMO_TEAM, SMALL), 403, "authorization_error",
                "insufficient_permissions");
        // and a call without any key is not a guess: still 401
        error(given().contentType(ContentType.JSON).body(SMALL).when().post(Api.exportPath(DEMO_TEAM)).then(), 401,
                "authentication_error", "authentication_required");
    }
}
