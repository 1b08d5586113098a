package com.helpdesk.export.rest;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.rest.web.RequestBodyReader;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the body reader (no HTTP, no Quarkus: thousands of tries in seconds): whatever bytes arrive, the
 * answer is acceptance or one of the contract's body errors in its documented shape, never another exception;
 * and every body the contract allows is accepted as written.
 */
class HostileBodyPropertiesTest {

    private static final RequestBodyReader READER = HostileGenerators.reader();

    private static HostileGenerators.Outcome read(byte[] body) {
        try {
            return HostileGenerators.outcome(READER, body);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("the reader failed outside the contract on: "
                    + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    @Provide
    Arbitrary<byte[]> structured() {
        return HostileGenerators.structuredBodies();
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return HostileGenerators.mutatedBodies();
    }

    @Provide
    Arbitrary<byte[]> random() {
        return HostileGenerators.randomBytes();
    }

    @Provide
    Arbitrary<Map<String, Object>> valid() {
        return HostileGenerators.validRequests();
    }

    @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
    void structurallyHostileBodiesGetOnlyDocumentedAnswers(@ForAll("structured") byte[] body) {
        HostileGenerators.Outcome outcome = read(body);
        HostileGenerators.assertDocumented(outcome);
        Statistics.label("outcome").collect(outcome.accepted() ? "accepted" : outcome.code().wireName());
    }

    @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
    void mutatedBodiesGetOnlyDocumentedAnswers(@ForAll("mutated") byte[] body) {
        HostileGenerators.Outcome outcome = read(body);
        HostileGenerators.assertDocumented(outcome);
        Statistics.label("outcome").collect(outcome.accepted() ? "accepted" : outcome.code().wireName());
    }

    @Property(tries = 2000)
    void randomBytesGetOnlyDocumentedAnswers(@ForAll("random") byte[] body) {
        HostileGenerators.Outcome outcome = read(body);
        HostileGenerators.assertDocumented(outcome);
        assertThat(outcome.code()).as("random bytes are never a valid request").isNotNull();
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void everyBodyTheContractAllowsIsAcceptedAsWritten(@ForAll("valid") Map<String, Object> body) throws Exception {
        byte[] bytes = HostileGenerators.bytes(body);
        HostileGenerators.Outcome outcome = read(bytes);
        assertThat(outcome.accepted()).as("%s -> %s", new String(bytes, StandardCharsets.UTF_8), outcome).isTrue();
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
            assertThat(spec.fields().resolve(List.of()).stream().map(f -> f.name()).toList())
                    .isEqualTo(fields == null ? spec.type().fields().stream().map(f -> f.name()).toList() : fields);
            Object filters = resource.get("filters");
            assertThat(spec.filters().conditions()).hasSize(filters == null ? 0 : ((Map<?, ?>) filters).size());
        }
        assertThat(request.format()).isEqualTo("csv".equals(body.get("format")) ? ExportFormat.CSV : ExportFormat.JSON);
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void aValidBodyWithAUtf8ByteOrderMarkIsStillAccepted(@ForAll("valid") Map<String, Object> body) {
        byte[] json = HostileGenerators.bytes(body);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        assertThat(read(withBom).accepted()).isTrue();
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void aValidBodyInUtf16IsRefusedAsInvalidJson(@ForAll("valid") Map<String, Object> body) throws Exception {
        String text = HostileHttp.JSON.writeValueAsString(body);
        for (Charset charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE, Charset.forName("UTF-32"))) {
            HostileGenerators.Outcome outcome = read(text.getBytes(charset));
            assertThat(outcome.code()).as(charset.name()).isEqualTo(ErrorCode.INVALID_JSON);
        }
    }
}
