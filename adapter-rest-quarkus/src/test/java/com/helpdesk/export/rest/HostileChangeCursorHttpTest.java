package com.helpdesk.export.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Change feed cursors made by hand from real ones, sent through the whole HTTP stack to the changes call for every
 * type: one or two of their parts replaced by a hostile value (other versions, types, teams and modes, stamps at and
 * past the ends of a {@code long} and of {@code xid8}, odd ids, other clusters, times far away, separators added or
 * missing), then the check sum either left as it was (a token changed by hand: always 400) or made anew (a
 * well-formed cursor the service never issued). Every answer is 200, 400 {@code parameter_invalid} naming
 * {@code resources[0].cursor} with the message of every invalid cursor, or 410 {@code cursor_expired} naming it;
 * never a 5xx.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(HostileSuiteProfile.class)
class HostileChangeCursorHttpTest {

    private static final String PARAM = "resources[0].cursor";
    private static final List<ResourceType> TYPES = List.of(ResourceType.values());

    @TestHTTPResource("/")
    URL base;

    /** A real feed cursor of each type, as plain text parts (without its check sum). */
    private final Map<ResourceType, List<String>> real = new EnumMap<>(ResourceType.class);

    @BeforeEach
    void takeRealCursors() {
        for (ResourceType type : TYPES) {
            JsonNode data = HostileHttp.post(
                            base,
                            DemoDataset.LIVE_SECRET_KEY,
                            Api.DEMO_TEAM,
                            "{\"resources\":[{\"type\":\"" + type.wireName() + "\",\"fields\":[\"id\"]}]}")
                    .json()
                    .path("data");
            String token = data.path("syncCursor").path(type.wireName()).asText();
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            List<String> parts = new ArrayList<>(List.of(plain.split("\\|", -1)));
            assertThat(parts).hasSize(9);
            parts.remove(8); // the check sum
            real.put(type, parts);
        }
    }

    private static final List<List<String>> HOSTILE = List.of(
            List.of("f2", "F1", "c1", "", "f1 ", "f0"),
            List.of("TICKETS", "ticket", "", "tickets ", "customers", "nope"),
            List.of(
                    DemoDataset.OTHER_TEAM_ID.toString(),
                    "00000000-0000-0000-0000-000000000000",
                    "5F3A2C1E-8B7D-4E6F-9A0B-1C2D3E4F5A6B",
                    "not-a-uuid",
                    ""),
            List.of("test", "live", "-", "LIVE", "", "both"),
            List.of(
                    "0",
                    "-1",
                    "1",
                    "9223372036854775807",
                    "9223372036854775808",
                    "18446744073709551615",
                    "+5",
                    "1e3",
                    ""),
            List.of(
                    "-",
                    "00000000-0000-0000-0000-000000000000",
                    "ffffffff-ffff-ffff-ffff-ffffffffffff",
                    "0f3c2a1b4d5e6f708192a3b4c5d6e7f8",
                    "{0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8}",
                    ""),
            List.of("0", "1", "18446744073709551615", "18446744073709551616", "-1", "x", ""),
            List.of("0", "-1", "9223372036854775807", "-9223372036854775808", "99999999999999999999", "", "1.5"));

    private static String sum(String plain) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Case(ResourceType type, String token, String how, boolean resummed) {}

    private Gen<Case> cases() {
        return Gens.of(TYPES).flatMap(type -> random -> {
            List<String> parts = new ArrayList<>(real.get(type));
            StringBuilder how = new StringBuilder();
            int spoiled = 1 + random.nextInt(2);
            for (int i = 0; i < spoiled; i++) {
                int at = random.nextInt(HOSTILE.size());
                List<String> values = HOSTILE.get(at);
                String value = values.get(random.nextInt(values.size()));
                parts.set(at, value);
                how.append("part ").append(at).append('=').append(value).append(' ');
            }
            String plain = String.join("|", parts);
            if (random.nextInt(6) == 0) {
                plain = random.nextBoolean() ? plain + "|" : plain.replaceFirst("\\|", "");
                how.append("layout ");
            }
            boolean resummed = random.nextBoolean();
            String text = plain + "|" + (resummed ? sum(plain) : "0000000000000000");
            return new Case(
                    type,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)),
                    how.toString(),
                    resummed);
        });
    }

    @Test
    void handMadeFeedCursorsAreAnswered200Or400Or410NeverA5xx() {
        Map<String, Integer> outcomes = new TreeMap<>();
        String invalid = ChangeCursor.invalid(ResourceType.TICKETS, PARAM).getMessage();
        Property.forAll(200, cases(), c -> {
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("type", c.type().wireName());
            resource.put("fields", List.of("id"));
            resource.put("cursor", c.token());
            HostileHttp.Answer answer = HostileHttp.send(
                    base,
                    "POST",
                    ChangesHttpTest.changesPath(Api.DEMO_TEAM),
                    DemoDataset.LIVE_SECRET_KEY,
                    "application/json",
                    HostileGenerators.bytes(Map.of("resources", List.of(resource))));
            String shown = c.type().wireName() + ", " + c.how() + (c.resummed() ? "re-summed" : "sum kept") + " -> "
                    + answer.status() + " " + answer.text();
            assertThat(answer.status()).as("never a 5xx: %s", shown).isIn(200, 400, 410);
            if (!c.resummed()) {
                assertThat(answer.status())
                        .as("a token changed by hand: %s", shown)
                        .isEqualTo(400);
            }
            if (answer.status() == 400) {
                JsonNode root = HostileHttp.assertError(answer, 400, "parameter_invalid", PARAM);
                assertThat(root.path("error").path("message").asText())
                        .as("the message of every invalid cursor: %s", shown)
                        .isEqualTo(invalid.replace("tickets", c.type().wireName()));
            } else if (answer.status() == 410) {
                HostileHttp.assertError(answer, 410, "cursor_expired", PARAM);
            }
            outcomes.merge((c.resummed() ? "re-summed->" : "sum kept->") + answer.status(), 1, Integer::sum);
        });
        System.out.println("HostileChangeCursorHttpTest outcomes: " + outcomes);
        assertThat(outcomes).containsKeys("sum kept->400", "re-summed->400");
    }
}
