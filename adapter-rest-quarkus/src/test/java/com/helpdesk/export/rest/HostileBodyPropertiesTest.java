package com.helpdesk.export.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.rest.web.request.RequestBodyReader;
import com.helpdesk.export.testsupport.Property;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Properties of the body reader (no HTTP, no Quarkus: thousands of tries in seconds): whatever bytes arrive, the
 * answer is acceptance or one of the contract's body errors in its documented shape, never another exception;
 * and every body the contract allows is accepted as written. Each property prints its seed; a failure names it
 * ({@code -Dproperty.seed=} replays it).
 */
class HostileBodyPropertiesTest {

    private static final RequestBodyReader READER = HostileGenerators.reader();

    private static HostileGenerators.Outcome read(byte[] body) {
        try {
            return HostileGenerators.outcome(READER, body);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(
                    "the reader failed outside the contract on: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    /** The share of each answer, printed after the run (what jqwik's statistics showed). */
    private static void printOutcomes(String property, Map<String, Integer> outcomes) {
        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder line = new StringBuilder("[property] " + property + " outcomes:");
        outcomes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" %s %.1f %%", e.getKey(), 100.0 * e.getValue() / total)));
        System.out.println(line);
    }

    private static String label(HostileGenerators.Outcome outcome) {
        return outcome.accepted() ? "accepted" : outcome.code().wireName();
    }

    @Test
    void structurallyHostileBodiesGetOnlyDocumentedAnswers() {
        Map<String, Integer> outcomes = new TreeMap<>();
        Property.forAll(3000, HostileGenerators.structuredBodies(), body -> {
            HostileGenerators.Outcome outcome = read(body);
            HostileGenerators.assertDocumented(outcome);
            outcomes.merge(label(outcome), 1, Integer::sum);
        });
        printOutcomes("structurallyHostileBodiesGetOnlyDocumentedAnswers", outcomes);
    }

    @Test
    void mutatedBodiesGetOnlyDocumentedAnswers() {
        Map<String, Integer> outcomes = new TreeMap<>();
        Property.forAll(3000, HostileGenerators.mutatedBodies(), body -> {
            HostileGenerators.Outcome outcome = read(body);
            HostileGenerators.assertDocumented(outcome);
            outcomes.merge(label(outcome), 1, Integer::sum);
        });
        printOutcomes("mutatedBodiesGetOnlyDocumentedAnswers", outcomes);
    }

    @Test
    void randomBytesGetOnlyDocumentedAnswers() {
        Property.forAll(2000, HostileGenerators.randomBytes(), body -> {
            HostileGenerators.Outcome outcome = read(body);
            HostileGenerators.assertDocumented(outcome);
            assertThat(outcome.code())
                    .as("random bytes are never a valid request")
                    .isNotNull();
        });
    }

    @Test
    void hostileBodiesOfTheChangesCallGetOnlyDocumentedAnswers() {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (var bodies : List.of(
                HostileGenerators.structuredBodies(),
                HostileGenerators.mutatedBodies(),
                HostileGenerators.randomBytes())) {
            Property.forAll(1000, bodies, body -> {
                HostileGenerators.Outcome outcome;
                try {
                    outcome = HostileGenerators.changesOutcome(READER, body);
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError(
                            "the reader failed outside the contract on: " + new String(body, StandardCharsets.UTF_8),
                            e);
                }
                HostileGenerators.assertDocumented(outcome);
                outcomes.merge(label(outcome), 1, Integer::sum);
            });
        }
        printOutcomes("hostileBodiesOfTheChangesCallGetOnlyDocumentedAnswers", outcomes);
    }

    /**
     * Every body the contract allows for an export, its filters and CSV options taken out, is a changes body the
     * feed accepts in JSON (and in NDJSON when it names one resource); with filters it is refused naming them.
     */
    @Test
    void everyChangesBodyTheContractAllowsIsAcceptedAndFiltersAreRefusedWithTheReason() {
        Property.forAll(1000, HostileGenerators.validRequests(), body -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> resources = (List<Map<String, Object>>) body.get("resources");
            List<Map<String, Object>> withoutFilters = new java.util.ArrayList<>();
            boolean filtered = false;
            for (Map<String, Object> resource : resources) {
                Map<String, Object> copy = new java.util.LinkedHashMap<>(resource);
                filtered |= copy.remove("filters") != null;
                withoutFilters.add(copy);
            }
            Map<String, Object> changes = new java.util.LinkedHashMap<>();
            changes.put("resources", withoutFilters);
            if (resources.size() == 1 && "ndjson".equals(body.get("format"))) {
                changes.put("format", "ndjson");
            }
            HostileGenerators.Outcome outcome =
                    HostileGenerators.changesOutcome(READER, HostileGenerators.bytes(changes));
            assertThat(outcome.accepted()).as("%s -> %s", changes, outcome).isTrue();
            if (filtered) {
                HostileGenerators.Outcome refused = HostileGenerators.changesOutcome(
                        READER, HostileGenerators.bytes(Map.of("resources", resources)));
                assertThat(refused.code()).isEqualTo(com.helpdesk.export.domain.error.ErrorCode.PARAMETER_UNKNOWN);
                assertThat(refused.param()).endsWith(".filters");
                assertThat(refused.message()).contains("filter");
            }
        });
    }

    @Test
    void everyBodyTheContractAllowsIsAcceptedAsWritten() {
        Property.forAll(2000, HostileGenerators.validRequests(), HostileBodyPropertiesTest::acceptedAsWritten);
    }

    private static void acceptedAsWritten(Map<String, Object> body) throws Exception {
        byte[] bytes = HostileGenerators.bytes(body);
        HostileGenerators.Outcome outcome = read(bytes);
        assertThat(outcome.accepted())
                .as("%s -> %s", new String(bytes, StandardCharsets.UTF_8), outcome)
                .isTrue();
        ExportRequest request = READER.read("application/json", new ByteArrayInputStream(bytes));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resources = (List<Map<String, Object>>) body.get("resources");
        assertThat(request.resources()).hasSameSizeAs(resources);
        for (int i = 0; i < resources.size(); i++) {
            ResourceSpec spec = request.resources().get(i);
            Map<String, Object> resource = resources.get(i);
            assertThat(spec.type().wireName()).isEqualTo(resource.get("type"));
            Object fields = resource.get("fields");
            // resolved as for a team without custom fields
            assertThat(spec.fields().resolve(List.of()).stream()
                            .map(f -> f.name())
                            .toList())
                    .isEqualTo(
                            fields == null
                                    ? spec.type().fields().stream()
                                            .map(f -> f.name())
                                            .toList()
                                    : fields);
            Object filters = resource.get("filters");
            assertThat(spec.filters().conditions()).hasSize(filters == null ? 0 : ((Map<?, ?>) filters).size());
        }
        assertThat(request.format()).isEqualTo(ExportFormat.parse((String) body.get("format"), "format"));
    }

    @Test
    void aValidBodyWithAUtf8ByteOrderMarkIsStillAccepted() {
        Property.forAll(500, HostileGenerators.validRequests(), body -> {
            byte[] json = HostileGenerators.bytes(body);
            byte[] withBom = new byte[json.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(json, 0, withBom, 3, json.length);
            assertThat(read(withBom).accepted()).isTrue();
        });
    }

    @Test
    void aValidBodyInUtf16IsRefusedAsInvalidJson() {
        Property.forAll(500, HostileGenerators.validRequests(), body -> {
            String text = HostileHttp.JSON.writeValueAsString(body);
            for (java.nio.charset.Charset charset : List.of(
                    StandardCharsets.UTF_16,
                    StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE,
                    java.nio.charset.Charset.forName("UTF-32"))) {
                HostileGenerators.Outcome outcome = read(text.getBytes(charset));
                assertThat(outcome.code()).as(charset.name()).isEqualTo(ErrorCode.INVALID_JSON);
            }
        });
    }
}
