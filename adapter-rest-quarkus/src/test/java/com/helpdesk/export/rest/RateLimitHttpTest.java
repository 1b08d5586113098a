package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.OTHER_TEAM;
import static com.helpdesk.export.rest.Api.error;
import static com.helpdesk.export.rest.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.testsupport.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The hourly budget per key and the throttle of failed authentications through HTTP, with small limits so that they
 * can be reached.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(RateLimitHttpTest.SmallLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitHttpTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "export.rate-limit.secret-per-window",
                    "5",
                    "export.rate-limit.publishable-per-window",
                    "3",
                    "export.auth-failures.max",
                    "4");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClock.class);
        }
    }

    private static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";

    @TestHTTPResource("/")
    URL base;

    /**
     * The service's clock. It stands still unless a test moves it, so that every call of the class falls in one
     * window of the budget (clock hours) and one window of the failure count (10 minutes), however long the class
     * takes.
     */
    @Inject
    MutableClock clock;

    private void assertHeaders(ExtractableResponse<Response> response, long limit, long remaining) {
        assertThat(response.header("X-RateLimit-Limit")).isEqualTo(Long.toString(limit));
        assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Long.toString(remaining));
        assertThat(response.header("X-RateLimit-Window")).isEqualTo("3600");
        long reset = Long.parseLong(response.header("X-RateLimit-Reset"));
        long now = clock.instant().getEpochSecond();
        assertThat(reset)
                .isGreaterThan(now)
                .isLessThanOrEqualTo(now + 3600)
                .matches(r -> r % 3600 == 0, "the fixed window ends on the hour");
        assertThat(response.header("RateLimit-Policy")).isEqualTo("\"per-key\";q=" + limit + ";w=3600");
        assertThat(response.header("RateLimit")).matches("\"per-key\";r=" + remaining + ";t=\\d+");
        long t = Long.parseLong(response.header("RateLimit").replaceAll(".*;t=", ""));
        assertThat(t).as("seconds until the reset").isEqualTo(reset - now);
    }

    @Test
    @Order(1)
    void eachCallCountsAndTheSixthIsRefusedWithoutRunningTheExport() {
        for (int call = 1; call <= 5; call++) {
            ExtractableResponse<Response> ok = post(DemoDataset.ADMIN_SECRET_KEY, DEMO_TEAM, SMALL)
                    .statusCode(200)
                    .extract();
            assertHeaders(ok, 5, 5 - call);
        }
        // over the limit: 429 even for a body that would be invalid, since the export is not run
        ExtractableResponse<Response> refused = error(
                        post(DemoDataset.ADMIN_SECRET_KEY, DEMO_TEAM, "{not json"),
                        429,
                        "rate_limit_error",
                        "rate_limit_exceeded")
                .extract();
        assertHeaders(refused, 5, 0);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(refused.<Integer>path("error.retryAfter").longValue()).isEqualTo(retryAfter);
        long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
        assertThat(retryAfter).isEqualTo(reset - clock.instant().getEpochSecond());
    }

    @Test
    @Order(2)
    void fourHundredsAfterAuthenticationCarryTheHeaders() {
        ExtractableResponse<Response> bad = error(
                        post(
                                DemoDataset.MANAGER_SECRET_KEY,
                                DEMO_TEAM,
                                "{\"resources\":[{\"type\":\"tickets\",\"filters\":{\"colour\":\"red\"}}]}"),
                        400,
                        "invalid_request_error",
                        "parameter_unknown")
                .extract();
        long remaining = Long.parseLong(bad.header("X-RateLimit-Remaining"));
        assertThat(remaining).isBetween(1L, 4L);
        assertHeaders(bad, 5, remaining);
        // a body that is not even JSON is counted too: the call was counted before its body was parsed
        ExtractableResponse<Response> notJson = error(
                        post(DemoDataset.MANAGER_SECRET_KEY, DEMO_TEAM, "{not json"),
                        400,
                        "invalid_request_error",
                        "invalid_json")
                .extract();
        assertHeaders(notJson, 5, --remaining);
        // refused before the rate limit: the status is shown, the call is not counted
        ExtractableResponse<Response> denied = error(
                        post(DemoDataset.MANAGER_SECRET_KEY, OTHER_TEAM, SMALL),
                        403,
                        "authorization_error",
                        "team_access_denied")
                .extract();
        assertHeaders(denied, 5, remaining);
        ExtractableResponse<Response> publishable = error(
                        post(DemoDataset.PUBLISHABLE_KEY, DEMO_TEAM, SMALL),
                        403,
                        "authorization_error",
                        "insufficient_permissions")
                .extract();
        assertHeaders(publishable, 3, 3);
    }

    @Test
    @Order(3)
    void failedAuthenticationsCarryNoHeadersAndOnlyFailingKeysAreThrottledPerAddress() {
        // the failures are counted in fixed windows of 10 minutes aligned to the epoch; the clock stands still, so
        // the count does not start again between the fourth failure and the fifth
        for (int i = 0; i < 4; i++) {
            ExtractableResponse<Response> unknown = error(
                            post("sk_live_" + "g".repeat(30 + i), DEMO_TEAM, SMALL),
                            401,
                            "authentication_error",
                            "invalid_api_key")
                    .extract();
            assertThat(unknown.header("X-RateLimit-Limit")).isNull();
        }
        // past the address's allowance, a key that fails is refused with 429 ...
        for (String failing : new String[] {
            "sk_live_" + "h".repeat(32), "sk_live_short", DemoDataset.REVOKED_SECRET_KEY, DemoDataset.EXPIRED_SECRET_KEY
        }) {
            ExtractableResponse<Response> throttled = error(
                            post(failing, DEMO_TEAM, SMALL), 429, "rate_limit_error", "rate_limit_exceeded")
                    .extract();
            long retryAfter = Long.parseLong(throttled.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 600L);
            assertThat(throttled.<Integer>path("error.retryAfter").longValue()).isEqualTo(retryAfter);
            assertThat(throttled.header("X-RateLimit-Limit")).isNull();
        }
        // ... but a valid key from that very address is never refused for it (behind a NAT, that is every customer)
        post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, SMALL).statusCode(200);
        error(
                post(DemoDataset.AGENT_SECRET_KEY, DEMO_TEAM, SMALL),
                403,
                "authorization_error",
                "insufficient_permissions");
        // and a call without any key is not a guess: still 401
        error(
                given().contentType(ContentType.JSON)
                        .body(SMALL)
                        .when()
                        .post(Api.exportPath(DEMO_TEAM))
                        .then(),
                401,
                "authentication_error",
                "authentication_required");
    }

    /** The key's remaining calls as a refusal before counting shows them (403 for another team: peeked, not counted). */
    private static long remaining(String key) {
        return Long.parseLong(error(post(key, OTHER_TEAM, SMALL), 403, "authorization_error", "team_access_denied")
                .extract()
                .header("X-RateLimit-Remaining"));
    }

    private Socket openExport(String key, String team, int contentLength) throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(30_000);
        socket.getOutputStream()
                .write(("POST " + Api.exportPath(team) + " HTTP/1.1\r\nHost: localhost\r\n"
                                + "Authorization: Bearer " + key + "\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + contentLength + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        return socket;
    }

    private static String header(String head, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(\\S+)\\s*$")
                .matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A call is counted before its body is read, seen from outside: an allowed call is counted, and the status it
     * answers with is taken, while half of its body has not even been sent; a call counted after it sees one call
     * fewer, yet the first call's answer still carries the status of its own counting.
     */
    @Test
    @Order(4)
    void aCallIsCountedAndItsStatusTakenBeforeItsBodyIsRead() throws Exception {
        String key = DemoDataset.TEST_SECRET_KEY;
        long before = remaining(key);
        assertThat(before).as("a key this class has not used yet").isEqualTo(5);
        byte[] body = SMALL.getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        try (Socket socket = openExport(key, DEMO_TEAM, body.length)) {
            OutputStream out = socket.getOutputStream();
            out.write(body, 0, half);
            out.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            long seen = before;
            while (seen == before && System.nanoTime() < deadline) {
                Thread.sleep(50);
                seen = remaining(key);
            }
            assertThat(seen)
                    .as("counted while half of the body is still to come")
                    .isEqualTo(before - 1);
            InputStream in = socket.getInputStream();
            assertThat(in.available()).as("no answer before the whole body").isZero();
            // another call, counted after the first one but answered before it
            ExtractableResponse<Response> second =
                    post(key, DEMO_TEAM, SMALL).statusCode(200).extract();
            assertHeaders(second, 5, before - 2);

            out.write(body, half, body.length - half);
            out.flush();
            String head = RawResponse.readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(header(head, "X-RateLimit-Remaining"))
                    .as("the status taken when it was counted")
                    .isEqualTo(Long.toString(before - 1));
        }
    }

    /** A call refused before it is counted is answered without its body being waited for. */
    @Test
    @Order(5)
    void aCallRefusedBeforeItsBodyIsAnsweredWithoutWaitingForIt() throws Exception {
        String key = DemoDataset.TEST_SECRET_KEY;
        long before = remaining(key);
        try (Socket socket = openExport(key, OTHER_TEAM, 1_000)) {
            socket.getOutputStream().write("{\"resources\":".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            String head = RawResponse.readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 403");
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("ms to the answer, the body never sent")
                    .isLessThan(10_000);
            assertThat(header(head, "X-RateLimit-Remaining")).isEqualTo(Long.toString(before));
        }
        assertThat(remaining(key)).as("not counted").isEqualTo(before);
    }

    /** When the window ends, the budget is whole again: a key refused for it passes once Retry-After has gone by. */
    @Test
    @Order(6)
    void aKeyOverItsBudgetPassesAgainOnceItsWindowHasEnded() {
        String key = DemoDataset.ADMIN_SECRET_KEY;
        ExtractableResponse<Response> refused = error(
                        post(key, DEMO_TEAM, SMALL), 429, "rate_limit_error", "rate_limit_exceeded")
                .extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        clock.advance(Duration.ofSeconds(retryAfter).minusMillis(1));
        error(post(key, DEMO_TEAM, SMALL), 429, "rate_limit_error", "rate_limit_exceeded");

        clock.advance(Duration.ofMillis(1));
        assertHeaders(post(key, DEMO_TEAM, SMALL).statusCode(200).extract(), 5, 4);
    }
}
