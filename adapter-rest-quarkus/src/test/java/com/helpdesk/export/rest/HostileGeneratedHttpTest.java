package com.helpdesk.export.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.rest.web.request.RequestBodyReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generators of {@link HostileBodyPropertiesTest}, sampled with fixed seeds and sent through the whole
 * HTTP stack: each answer must be the one the body reader gives on its own (200, or the same code and
 * {@code param}), in the envelope, never a 5xx. This shows that nothing between the socket and the reader (Vert.x,
 * JAX-RS, the mappers) changes or breaks an answer.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(HostileSuiteProfile.class)
class HostileGeneratedHttpTest {

    private static final RequestBodyReader READER = HostileGenerators.reader();

    @TestHTTPResource("/")
    URL base;

    private Map<String, Integer> run(List<byte[]> bodies) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (byte[] body : bodies) {
            HostileGenerators.Outcome expected = HostileGenerators.outcome(READER, body);
            HostileGenerators.assertDocumented(expected);
            HostileHttp.Answer answer = HostileHttp.post(base, DemoDataset.LIVE_SECRET_KEY, Api.DEMO_TEAM, body);
            String shown = new String(body, StandardCharsets.UTF_8);
            assertThat(answer.status()).as("never a 5xx for %s", shown).isLessThan(500);
            if (expected.accepted()) {
                assertThat(answer.status()).as("%s -> %s", shown, answer.text()).isEqualTo(200);
                if (answer.header("content-type").startsWith("application/json")) {
                    JsonNode root = answer.json();
                    assertThat(root.get("success").asBoolean()).isTrue();
                }
            } else {
                HostileHttp.assertError(
                        answer, expected.status(), expected.code().wireName(), expected.param());
            }
            outcomes.merge(expected.accepted() ? "200" : expected.code().wireName(), 1, Integer::sum);
        }
        return outcomes;
    }

    @Test
    void generatedBodiesGetTheSameAnswerOverHttp() {
        List<byte[]> bodies = new ArrayList<>();
        bodies.addAll(HostileGenerators.samples(HostileGenerators.structuredBodies(), "http-structured", 200));
        bodies.addAll(HostileGenerators.samples(HostileGenerators.mutatedBodies(), "http-mutated", 200));
        bodies.addAll(HostileGenerators.samples(HostileGenerators.randomBytes(), "http-random", 60));
        // valid requests are narrowed to no rows so that 40 of them stay quick
        for (Map<String, Object> request :
                HostileGenerators.samples(HostileGenerators.validRequests(), "http-valid", 40)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> resources = (List<Map<String, Object>>) request.get("resources");
            for (Map<String, Object> resource : resources) {
                @SuppressWarnings("unchecked")
                Map<String, Object> filters = (Map<String, Object>)
                        resource.computeIfAbsent("filters", k -> new LinkedHashMap<String, Object>());
                filters.put("createdBefore", "1970-01-01T00:00:00Z");
            }
            bodies.add(HostileGenerators.bytes(request));
        }
        Map<String, Integer> outcomes = run(bodies);
        System.out.println("HostileGeneratedHttpTest outcomes over " + bodies.size() + " bodies: " + outcomes);
        assertThat(outcomes.get("200")).as("valid bodies are accepted").isGreaterThanOrEqualTo(40);
        assertThat(outcomes.keySet())
                .contains("invalid_json", "parameter_invalid", "parameter_missing", "parameter_unknown");
    }
}
