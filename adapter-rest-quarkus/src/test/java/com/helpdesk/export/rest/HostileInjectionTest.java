package com.helpdesk.export.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL injection: every string filter of every type (search, tag, category) and the cursor, with
 * strings that would change a statement if they were pasted into it, for a demo key and for the team whose rows hold
 * those very strings. Each answer is exactly what the filter means taken literally (an oracle query with bound
 * parameters and {@code strpos}, not {@code LIKE}), no call is slowed by a {@code pg_sleep}, and no table changes.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(HostileSuiteProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInjectionTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    private final Map<String, Long> countsBefore = new LinkedHashMap<>();

    private static final List<String> TABLES =
            List.of("teams", "members", "api_keys", "customers", "tickets", "articles");

    @BeforeEach
    void data() {
        HostileData.ensure(dataSource);
    }

    @BeforeAll
    void countRows() {
        HostileData.ensure(dataSource);
        TABLES.forEach(t -> countsBefore.put(t, TestSql.count(dataSource, "select count(*) from " + t)));
    }

    @AfterAll
    void nothingWasWritten() {
        TABLES.forEach(t -> assertThat(TestSql.count(dataSource, "select count(*) from " + t))
                .as("rows of %s", t)
                .isEqualTo(countsBefore.get(t)));
    }

    /** A string filter and the oracle condition that says what it means, literally. */
    record StringFilter(String type, String filter, String oracle) {
        @Override
        public String toString() {
            return type + "." + filter;
        }
    }

    static final List<StringFilter> FILTERS = List.of(
            new StringFilter("tickets", "search", "strpos(lower(title), lower(?)) > 0"),
            new StringFilter(
                    "customers",
                    "search",
                    "(strpos(lower(name), lower(?)) > 0 " + "or strpos(lower(coalesce(email, '')), lower(?)) > 0)"),
            new StringFilter("articles", "search", "strpos(lower(title), lower(?)) > 0"),
            new StringFilter("tickets", "tag", "? = any (tags)"),
            new StringFilter("customers", "tag", "? = any (tags)"),
            new StringFilter("articles", "tag", "? = any (tags)"),
            new StringFilter("articles", "category", "category = ?"));

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (StringFilter f : FILTERS) {
            for (String payload : HostileData.INJECTIONS) {
                all.add(Arguments.of(f, payload));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("cases")
    void anInjectionStringIsTakenLiterally(StringFilter f, String payload) throws Exception {
        for (String[] scope : List.of(
                new String[] {DemoDataset.LIVE_SECRET_KEY, Api.DEMO_TEAM, "live"},
                new String[] {HostileData.LIVE_KEY, HostileData.TEAM_TEXT, "live"})) {
            String body = "{\"resources\":[{\"type\":\"" + f.type() + "\",\"fields\":[\"id\"],\"filters\":{\""
                    + f.filter() + "\":" + HostileHttp.JSON.writeValueAsString(payload) + "}}]}";
            long start = System.nanoTime();
            HostileHttp.Answer answer = HostileHttp.post(base, scope[0], scope[1], body);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("no statement slept").isLessThan(4_000);
            if (f.filter().equals("tag") && payload.chars().anyMatch(Character::isWhitespace)) {
                HostileHttp.assertError(answer, 400, "parameter_invalid", "resources[0].filters.tag");
                continue;
            }
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            JsonNode data = answer.json().get("data");
            List<String> exported = new ArrayList<>();
            data.get("resources")
                    .get(f.type())
                    .forEach(r -> exported.add(r.get("id").asText()));
            int binds = f.oracle().split("\\?", -1).length - 1;
            Object[] args = new Object[2 + binds];
            args[0] = UUID.fromString(scope[1]);
            args[1] = scope[2];
            for (int i = 0; i < binds; i++) {
                args[2 + i] = payload;
            }
            List<String> expected = HostileData.ids(
                    dataSource,
                    IsolationMatrixTest.prefix(f.type()),
                    "select id from " + f.type() + " where team_id = ? and mode = ? and " + f.oracle()
                            + " order by created_at, id limit 10000",
                    args);
            assertThat(exported).as("%s %s", scope[2], payload).isEqualTo(expected);
            if (scope[1].equals(HostileData.TEAM_TEXT) && f.filter().equals("search")) {
                assertThat(exported).as("the row holding %s is found", payload).isNotEmpty();
            }
        }
    }

    @Test
    void injectionStringsInsideAWellFormedCursorAreRefused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        int refused = 0;
        for (String payload : HostileData.INJECTIONS) {
            for (String plain : List.of(
                    "c1|tickets|" + payload + "|00000000-0000-4000-8000-000000000001",
                    "c1|tickets|0|" + payload,
                    "c1|" + payload + "|0|00000000-0000-4000-8000-000000000001",
                    payload)) {
                String cursor = b64.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
                HostileHttp.assertError(
                        HostileHttp.post(
                                base,
                                DemoDataset.LIVE_SECRET_KEY,
                                Api.DEMO_TEAM,
                                "{\"resources\":[{\"type\":\"tickets\",\"cursor\":\"" + cursor + "\"}]}"),
                        400,
                        "parameter_invalid",
                        "resources[0].cursor");
                refused++;
            }
        }
        assertThat(refused).isEqualTo(HostileData.INJECTIONS.size() * 4);
    }

    @Test
    void theTeamIdPathSegmentIsNotAWayInEither() {
        for (String payload : List.of(
                "' OR '1'='1",
                "5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b' OR '1'='1",
                "5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b;select",
                "(select id from teams limit 1)")) {
            String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
            HostileHttp.assertError(
                    HostileHttp.send(
                            base,
                            "POST",
                            "/api/v1/teams/" + encoded + "/export",
                            DemoDataset.LIVE_SECRET_KEY,
                            "application/json",
                            "{\"resources\":[{\"type\":\"articles\"}]}".getBytes(StandardCharsets.UTF_8)),
                    400,
                    "parameter_invalid",
                    "teamId");
        }
    }
}
