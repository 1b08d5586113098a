package com.helpdesk.export.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.xlsx.WorkbookReadBack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Team and mode isolation: for every key (teams A, B and C, live and test) and every type, in every format (JSON,
 * CSV, NDJSON, XLSX), the rows exported from first page to last are exactly the rows of the key's team and mode in the database:
 * none missing, none of another team or mode. A key on another team's path is 403 {@code team_access_denied}, path
 * tricks included; revoked and expired keys are 401; a cursor or an id of another team's export reveals nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(HostileSuiteProfile.class)
class IsolationMatrixTest {

    /** A key and the scope it must see. */
    record Scope(String name, String key, String team, String mode) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Scope> SCOPES = List.of(
            new Scope("A live", DemoDataset.LIVE_SECRET_KEY, Api.DEMO_TEAM, "live"),
            new Scope("A test", DemoDataset.TEST_SECRET_KEY, Api.DEMO_TEAM, "test"),
            new Scope("B live", DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY, Api.OTHER_TEAM, "live"),
            new Scope("B test", DemoDataset.OTHER_TEAM_TEST_SECRET_KEY, Api.OTHER_TEAM, "test"),
            new Scope("C live", HostileData.LIVE_KEY, HostileData.TEAM_TEXT, "live"),
            new Scope("C test", HostileData.TEST_KEY, HostileData.TEAM_TEXT, "test"));
    static final List<String> TYPES = List.of("tickets", "customers", "articles", "messages", "members");
    static final List<String> TEAMS = List.of(Api.DEMO_TEAM, Api.OTHER_TEAM, HostileData.TEAM_TEXT);
    static final List<String> FORMATS = java.util.Arrays.stream(ExportFormat.values())
            .map(ExportFormat::wireName)
            .toList();

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void data() {
        HostileData.ensure(dataSource);
    }

    static String prefix(String type) {
        return switch (type) {
            case "tickets" -> "tkt_";
            case "customers" -> "cus_";
            case "messages" -> "msg_";
            case "members" -> "mem_";
            default -> "art_";
        };
    }

    private List<String> databaseIds(Scope scope, String type) {
        // members are the team's in both modes: the mode parameter is then only checked to be there
        return HostileData.ids(
                dataSource,
                prefix(type),
                "select id from " + type + " where team_id = ? and "
                        + (type.equals("members") ? "?::text is not null" : "mode = ?") + " order by created_at, id",
                UUID.fromString(scope.team()),
                scope.mode());
    }

    /** Follows the cursors to the end; returns every id in the order sent. */
    private List<String> exportAll(Scope scope, String type, String format, String firstCursor) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = firstCursor;
        for (int page = 0; page < 10; page++) {
            String body = "{\"resources\":[{\"type\":\"" + type + "\",\"fields\":[\"id\"]"
                    + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}],\"format\":\"" + format + "\"}";
            HostileHttp.Answer answer = HostileHttp.post(base, scope.key(), scope.team(), body);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            if (format.equals("json")) {
                JsonNode data = answer.json().get("data");
                data.get("resources").get(type).forEach(r -> ids.add(r.get("id").asText()));
                cursor = data.get("hasMore").get(type).asBoolean()
                        ? data.get("nextCursor").get(type).asText()
                        : null;
            } else if (format.equals("ndjson")) {
                String text = answer.text();
                for (String line : text.isEmpty()
                        ? new String[0]
                        : text.substring(0, text.length() - 1).split("\n")) {
                    ids.add(HostileHttp.JSON.readTree(line).get("id").asText());
                }
                assertThat(answer.header("x-total-rows"))
                        .isEqualTo(Integer.toString(text.isEmpty() ? 0 : text.split("\n").length));
                cursor = Boolean.parseBoolean(answer.header("x-has-more")) ? answer.header("x-next-cursor") : null;
            } else if (format.equals("xlsx")) {
                try (XSSFWorkbook workbook = WorkbookReadBack.open(answer.body())) {
                    XSSFSheet sheet = workbook.getSheet(type);
                    assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("id");
                    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                        ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
                    }
                    assertThat(answer.header("x-total-rows")).isEqualTo(Integer.toString(sheet.getLastRowNum()));
                    XSSFRow summary = workbook.getSheet("_export").getRow(1);
                    cursor = summary.getCell(2).getBooleanCellValue()
                            ? summary.getCell(3).getStringCellValue()
                            : null;
                }
            } else {
                List<CSVRecord> records = CsvSafetyTest.parse(answer.text());
                assertThat(records.get(0).get(0)).isEqualTo("id");
                records.subList(1, records.size()).forEach(r -> ids.add(r.get(0)));
                assertThat(answer.header("x-total-rows")).isEqualTo(Integer.toString(records.size() - 1));
                cursor = Boolean.parseBoolean(answer.header("x-has-more")) ? answer.header("x-next-cursor") : null;
            }
            if (cursor == null) {
                return ids;
            }
        }
        throw new AssertionError("more than 10 pages");
    }

    static Stream<Arguments> scopesTypesFormats() {
        List<Arguments> all = new ArrayList<>();
        for (Scope scope : SCOPES) {
            for (String type : TYPES) {
                for (String format : FORMATS) {
                    all.add(Arguments.of(scope, type, format));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("scopesTypesFormats")
    void aKeySeesExactlyTheRowsOfItsTeamAndMode(Scope scope, String type, String format) throws Exception {
        List<String> expected = databaseIds(scope, type);
        assertThat(expected).as("the scope has rows").isNotEmpty();
        List<String> exported = exportAll(scope, type, format, null);
        assertThat(exported).doesNotHaveDuplicates();
        Set<String> foreign = new HashSet<>(exported);
        foreign.removeAll(expected);
        assertThat(foreign).as("rows of another team or mode").isEmpty();
        assertThat(exported).as("every row of the scope, in order").isEqualTo(expected);
    }

    /** Follows the change feed from the beginning to its end; returns every id in the order sent, and the cursor. */
    private List<String> followAll(Scope scope, String type, List<String> lastCursor) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            String body = "{\"resources\":[{\"type\":\"" + type + "\",\"fields\":[\"id\"]"
                    + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}]}";
            HostileHttp.Answer answer = HostileHttp.send(
                    base,
                    "POST",
                    ChangesHttpTest.changesPath(scope.team()),
                    scope.key(),
                    "application/json",
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            JsonNode data = answer.json().get("data");
            data.get("resources").get(type).forEach(change -> {
                if (change.get("op").asText().equals("upsert")) {
                    ids.add(change.get("id").asText());
                }
            });
            cursor = data.get("nextCursor").get(type).asText();
            if (!data.get("hasMore").get(type).asBoolean()) {
                lastCursor.add(cursor);
                return ids;
            }
        }
        throw new AssertionError("more than 10 pages");
    }

    static Stream<Arguments> scopesAndTypes() {
        List<Arguments> all = new ArrayList<>();
        for (Scope scope : SCOPES) {
            for (String type : TYPES) {
                all.add(Arguments.of(scope, type));
            }
        }
        return all.stream();
    }

    /**
     * The change feed from the beginning gives exactly the rows of the key's team and mode, each once; its cursor,
     * presented by every other key on that key's own team, is refused (400) without a word of the feed, but for
     * members by the other mode's key of the same team (the team's members are the same in both modes).
     */
    @ParameterizedTest(name = "changes {0} {1}")
    @MethodSource("scopesAndTypes")
    void aKeysChangeFeedIsExactlyItsTeamAndModeAndItsCursorServesNoOtherKey(Scope scope, String type) throws Exception {
        List<String> expected = databaseIds(scope, type);
        List<String> cursors = new ArrayList<>();
        List<String> followed = followAll(scope, type, cursors);
        assertThat(followed).doesNotHaveDuplicates();
        assertThat(new HashSet<>(followed))
                .as("every row of the scope, none other")
                .isEqualTo(new HashSet<>(expected));
        String body = "{\"resources\":[{\"type\":\"" + type + "\",\"cursor\":\"" + cursors.get(0) + "\"}]}";
        for (Scope other : SCOPES) {
            if (other == scope) {
                continue;
            }
            HostileHttp.Answer answer = HostileHttp.send(
                    base,
                    "POST",
                    ChangesHttpTest.changesPath(other.team()),
                    other.key(),
                    "application/json",
                    body.getBytes(StandardCharsets.UTF_8));
            if (type.equals("members") && other.team().equals(scope.team())) {
                assertThat(answer.status())
                        .as("%s with the members cursor of %s", other, scope)
                        .isEqualTo(200);
            } else {
                HostileHttp.assertError(answer, 400, "parameter_invalid", "resources[0].cursor");
            }
            if (!other.team().equals(scope.team())) {
                HostileHttp.assertError(
                        HostileHttp.send(
                                base,
                                "POST",
                                ChangesHttpTest.changesPath(scope.team()),
                                other.key(),
                                "application/json",
                                body.getBytes(StandardCharsets.UTF_8)),
                        403,
                        "team_access_denied",
                        null);
            }
        }
    }

    @Test
    void theScopesAreDisjoint() {
        for (String type : TYPES) {
            Set<String> seen = new HashSet<>();
            int total = 0;
            for (Scope scope : SCOPES) {
                if (type.equals("members") && scope.mode().equals("test")) {
                    assertThat(databaseIds(scope, type))
                            .as("the team's members, in both modes")
                            .isEqualTo(databaseIds(SCOPES.get(SCOPES.indexOf(scope) - 1), type));
                    continue;
                }
                List<String> ids = databaseIds(scope, type);
                total += ids.size();
                seen.addAll(ids);
            }
            assertThat(seen).as(type).hasSize(total);
        }
    }

    @Test
    void aKeyOnAnotherTeamsPathIsTeamAccessDenied() {
        int checked = 0;
        List<String> teams = new ArrayList<>(TEAMS);
        teams.add(UUID.randomUUID().toString());
        teams.add("00000000-0000-0000-0000-000000000000");
        for (Scope scope : SCOPES) {
            for (String team : teams) {
                if (team.equals(scope.team())) {
                    continue;
                }
                for (String type : TYPES) {
                    for (String format : FORMATS) {
                        HostileHttp.assertError(
                                HostileHttp.post(
                                        base,
                                        scope.key(),
                                        team,
                                        "{\"resources\":[{\"type\":\"" + type + "\"}],\"format\":\"" + format + "\"}"),
                                403,
                                "team_access_denied",
                                null);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(6 * 4 * TYPES.size() * FORMATS.size());
    }

    @Test
    void pathTricksDoNotCrossTeams() {
        String body = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";
        for (Scope scope : SCOPES) {
            for (String other : TEAMS) {
                if (other.equals(scope.team())) {
                    continue;
                }
                for (String path : List.of(
                        "/api/v1/teams/" + scope.team() + "/../" + other + "/export",
                        "/api/v1/teams/" + scope.team() + "/%2e%2e/" + other + "/export",
                        "/api/v1/teams/" + other.toUpperCase() + "/export",
                        "//api/v1/teams/" + other + "/export",
                        "/api/v1/teams/" + other + "/export/")) {
                    HostileHttp.assertError(
                            HostileHttp.send(
                                    base,
                                    "POST",
                                    path,
                                    scope.key(),
                                    "application/json",
                                    body.getBytes(StandardCharsets.UTF_8)),
                            403,
                            "team_access_denied",
                            null);
                }
            }
        }
    }

    @Test
    void revokedAndExpiredKeysAre401ForEveryTypeFormatAndTeam() {
        for (String team : TEAMS) {
            for (String type : TYPES) {
                for (String format : FORMATS) {
                    String body = "{\"resources\":[{\"type\":\"" + type + "\"}],\"format\":\"" + format + "\"}";
                    HostileHttp.assertError(
                            HostileHttp.post(base, DemoDataset.REVOKED_SECRET_KEY, team, body),
                            401,
                            "invalid_api_key",
                            null);
                    HostileHttp.assertError(
                            HostileHttp.post(base, DemoDataset.EXPIRED_SECRET_KEY, team, body),
                            401,
                            "key_expired",
                            null);
                }
            }
        }
    }

    @Test
    void anotherScopesCursorContinuesInTheKeysOwnScope() throws Exception {
        Scope a = SCOPES.get(0);
        HostileHttp.Answer first = HostileHttp.post(
                base, a.key(), a.team(), "{\"resources\":[{\"type\":\"tickets\",\"fields\":[\"id\"]}]}");
        String cursor =
                first.json().get("data").get("nextCursor").get("tickets").asText();
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
        Instant after = Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS);
        UUID afterId = UUID.fromString(parts[3]);
        for (Scope scope : SCOPES) {
            List<String> expected = HostileData.ids(
                    dataSource,
                    "tkt_",
                    "select id from tickets where team_id = ? "
                            + "and mode = ? and (created_at, id) > (?, ?) order by created_at, id",
                    UUID.fromString(scope.team()),
                    scope.mode(),
                    after,
                    afterId);
            assertThat(exportAll(scope, "tickets", "json", cursor))
                    .as(scope.name())
                    .isEqualTo(expected);
        }
    }

    @Test
    void idsOfAnotherTeamMatchNothing() {
        Scope a = SCOPES.get(0);
        String bCustomer = HostileData.ids(
                        dataSource,
                        "cus_",
                        "select id from customers where team_id = ? limit 1",
                        UUID.fromString(Api.OTHER_TEAM))
                .get(0);
        String bMember = "mem_" + DemoDataset.OTHER_AGENT_ID.toString().replace("-", "");
        String cMember = "mem_" + HostileData.OWNER.toString().replace("-", "");
        for (String filter : List.of(
                "\"customerId\":\"" + bCustomer + "\"",
                "\"assignedTo\":\"" + bMember + "\"",
                "\"assignedTo\":\"" + cMember + "\"")) {
            JsonNode data = HostileHttp.post(
                            base,
                            a.key(),
                            a.team(),
                            "{\"resources\":[{\"type\":\"tickets\"," + "\"filters\":{" + filter + "}}]}")
                    .json()
                    .get("data");
            assertThat(data.get("totalRows").asInt()).as(filter).isZero();
        }
    }
}
