package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.OTHER_TEAM;
import static com.helpdesk.export.rest.Api.as;
import static com.helpdesk.export.rest.Api.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.FeedPosition;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The changes call end to end on the demo data: a feed from the beginning gives every current row once, page after
 * page, and then nothing; a change made after a cursor follows it (an upsert, then a delete); JSON and NDJSON; the
 * export's sync cursors; and every refusal: filters, table formats, hand-made cursors, another team's or mode's
 * cursor (400, saying nothing of that feed), an expired one or one of another cluster (410, saying to start from null).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ChangesHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource database;

    static String changesPath(String team) {
        return "/api/v1/teams/" + team + "/changes";
    }

    static ValidatableResponse changes(String key, String team, String body) {
        return as(key).body(body).when().post(changesPath(team)).then();
    }

    private static JsonNode changesJson(String key, String body) throws Exception {
        ExtractableResponse<Response> response =
                changes(key, DEMO_TEAM, body).statusCode(200).extract();
        assertThat(response.header("X-Changes-Lag")).as("the lag, in seconds").matches("\\d+");
        return JSON.readTree(response.asByteArray()).get("data");
    }

    private static String resource(String type, String cursor, String fields) {
        return "{\"resources\":[{\"type\":\"" + type + "\""
                + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"")
                + (fields == null ? "" : ",\"fields\":" + fields) + "}]}";
    }

    @Test
    void aFeedFromTheBeginningGivesEveryCurrentRowOnceAndThenNothing() throws Exception {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            JsonNode data = changesJson(DemoDataset.LIVE_SECRET_KEY, resource("tickets", cursor, "[\"status\"]"));
            assertThat(data.get("object").asText()).isEqualTo("changes");
            for (JsonNode change : data.get("resources").get("tickets")) {
                assertThat(change.get("op").asText()).isEqualTo("upsert");
                assertThat(fieldNames(change.get("record"))).containsExactly("id", "status");
                assertThat(change.get("record").get("id")).isEqualTo(change.get("id"));
                assertThat(ids.add(change.get("id").asText()))
                        .as("seen once: %s", change.get("id"))
                        .isTrue();
            }
            more = data.get("hasMore").get("tickets").asBoolean();
            cursor = data.get("nextCursor").get("tickets").asText();
            assertThat(cursor).isNotBlank();
            pages++;
        }
        assertThat(ids).hasSize(DemoDataset.DEMO_LIVE_TICKETS);
        assertThat(pages).isEqualTo(3);
        JsonNode again = changesJson(DemoDataset.LIVE_SECRET_KEY, resource("tickets", cursor, null));
        assertThat(again.get("resources").get("tickets")).isEmpty();
        assertThat(again.get("hasMore").get("tickets").asBoolean()).isFalse();
    }

    @Test
    void aChangeAfterACursorFollowsItAsAnUpsertThenADeleteInJsonAndNdjson() throws Exception {
        String cursor = syncCursor("articles");
        UUID id = UUID.randomUUID();
        String publicId = "art_" + id.toString().replace("-", "");
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO articles (id, team_id, mode, "
                                + "title, status, created_at, updated_at) VALUES (?, ?, 'live', 'Feed', 'draft', now(), now())")) {
            insert.setObject(1, id);
            insert.setObject(2, DemoDataset.DEMO_TEAM_ID);
            insert.execute();
        }
        JsonNode data = changesJson(DemoDataset.LIVE_SECRET_KEY, resource("articles", cursor, "[\"title\"]"));
        JsonNode upserts = data.get("resources").get("articles");
        assertThat(upserts).hasSize(1);
        assertThat(upserts.get(0).get("op").asText()).isEqualTo("upsert");
        assertThat(upserts.get(0).get("id").asText()).isEqualTo(publicId);
        assertThat(upserts.get(0).get("record").get("title").asText()).isEqualTo("Feed");
        String afterUpsert = data.get("nextCursor").get("articles").asText();
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM articles WHERE id = ?")) {
            delete.setObject(1, id);
            delete.execute();
        }
        ExtractableResponse<Response> ndjson = changes(
                        DemoDataset.LIVE_SECRET_KEY,
                        DEMO_TEAM,
                        "{\"resources\":[{\"type\":\"articles\",\"cursor\":\"" + afterUpsert
                                + "\"}],\"format\":\"ndjson\"}")
                .statusCode(200)
                .extract();
        assertThat(ndjson.header("Content-Type")).isEqualTo("application/x-ndjson");
        assertThat(ndjson.header("X-Has-More")).isEqualTo("false");
        assertThat(ndjson.header("X-Next-Cursor")).isNotBlank();
        assertThat(ndjson.header("X-Changes-Lag")).matches("\\d+");
        String[] lines = new String(ndjson.asByteArray(), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        JsonNode delete = JSON.readTree(lines[0]);
        assertThat(fieldNames(delete)).containsExactly("op", "id", "deletedAt");
        assertThat(delete.get("op").asText()).isEqualTo("delete");
        assertThat(delete.get("id").asText()).isEqualTo(publicId);
        assertThat(Instant.parse(delete.get("deletedAt").asText()))
                .isBefore(Instant.now().plusSeconds(60));
        // the test key's feed of articles never saw it
        JsonNode test = changesJson(
                DemoDataset.TEST_SECRET_KEY,
                resource("articles", syncCursorOf(DemoDataset.TEST_SECRET_KEY, "articles"), null));
        assertThat(test.get("resources").get("articles")).isEmpty();
    }

    @Test
    void everyExportGivesASyncCursorPerResourceInEveryFormat() throws Exception {
        JsonNode data = JSON.readTree(Api.post(
                                DemoDataset.LIVE_SECRET_KEY,
                                DEMO_TEAM,
                                "{\"resources\":[{\"type\":\"members\"},{\"type\":\"customers\",\"fields\":[\"id\"]}]}")
                        .statusCode(200)
                        .extract()
                        .asByteArray())
                .get("data");
        for (String type : List.of("members", "customers")) {
            String sync = data.get("syncCursor").get(type).asText();
            JsonNode followed = changesJson(DemoDataset.LIVE_SECRET_KEY, resource(type, sync, null));
            assertThat(followed.get("hasMore").get(type).asBoolean()).isFalse();
        }
        for (String format : List.of("csv", "ndjson")) {
            String header = Api.post(
                            DemoDataset.LIVE_SECRET_KEY,
                            DEMO_TEAM,
                            "{\"resources\":[{\"type\":\"members\"}],\"format\":\"" + format + "\"}")
                    .statusCode(200)
                    .extract()
                    .header("X-Sync-Cursor");
            assertThat(header).as(format).isNotBlank();
            changes(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, resource("members", header, null))
                    .statusCode(200);
        }
    }

    @Test
    void filtersTablesAndTwoNdjsonResourcesAreRefusedNamingTheField() {
        error(
                        changes(
                                DemoDataset.LIVE_SECRET_KEY,
                                DEMO_TEAM,
                                "{\"resources\":[{\"type\":\"tickets\",\"filters\":{\"status\":\"open\"}}]}"),
                        400,
                        "invalid_request_error",
                        "parameter_unknown")
                .body("error.param", equalTo("resources[0].filters"))
                .body("error.message", containsString("filter"));
        for (String table : List.of("csv", "xlsx")) {
            error(
                            changes(
                                    DemoDataset.LIVE_SECRET_KEY,
                                    DEMO_TEAM,
                                    "{\"resources\":[{\"type\":\"tickets\"}],\"format\":\"" + table + "\"}"),
                            400,
                            "invalid_request_error",
                            "parameter_invalid")
                    .body("error.param", equalTo("format"));
        }
        error(
                        changes(
                                DemoDataset.LIVE_SECRET_KEY,
                                DEMO_TEAM,
                                "{\"resources\":[{\"type\":\"tickets\"},{\"type\":\"members\"}],\"format\":\"ndjson\"}"),
                        400,
                        "invalid_request_error",
                        "parameter_invalid")
                .body("error.param", equalTo("format"));
    }

    @Test
    void aHandMadeCursorOrOneOfAnotherTeamOrModeIsInvalidAndSaysNothingMore() throws Exception {
        String live = syncCursor("tickets");
        ChangeCursor real = ChangeCursor.decode(live, ResourceType.TICKETS, "c");
        List<String> refused = new ArrayList<>();
        refused.add("not-a-cursor");
        refused.add(live.substring(0, live.length() - 2));
        refused.add(ChangeCursor.of(
                        ResourceType.TICKETS,
                        new Scope(new TeamId(DemoDataset.OTHER_TEAM_ID), Mode.LIVE),
                        real.position(),
                        real.cluster(),
                        real.issuedAt())
                .encode());
        refused.add(ChangeCursor.of(
                        ResourceType.TICKETS,
                        new Scope(real.team(), Mode.TEST),
                        real.position(),
                        real.cluster(),
                        real.issuedAt())
                .encode());
        String message = null;
        for (String cursor : refused) {
            String said = error(
                            changes(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, resource("tickets", cursor, null)),
                            400,
                            "invalid_request_error",
                            "parameter_invalid")
                    .body("error.param", equalTo("resources[0].cursor"))
                    .extract()
                    .path("error.message");
            assertThat(message == null || message.equals(said))
                    .as("the same answer for every cursor not this feed's")
                    .isTrue();
            message = said;
        }
        // members are the team's in both modes: the live key's cursor serves the test key
        changes(DemoDataset.TEST_SECRET_KEY, DEMO_TEAM, resource("members", syncCursor("members"), null))
                .statusCode(200);
        // and the other team's key is refused for the demo team before its body is read
        error(
                changes(DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY, DEMO_TEAM, resource("tickets", live, null)),
                403,
                "authorization_error",
                "team_access_denied");
        changes(DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY, OTHER_TEAM, resource("tickets", live, null))
                .statusCode(400);
    }

    @Test
    void aCursorPastTheRetentionOrOfAnotherClusterHasExpiredAndSaysToStartFromNull() throws Exception {
        ChangeCursor real = ChangeCursor.decode(syncCursor("customers"), ResourceType.CUSTOMERS, "c");
        Scope scope = new Scope(real.team(), Mode.LIVE);
        for (ChangeCursor expired : List.of(
                ChangeCursor.of(
                        ResourceType.CUSTOMERS,
                        scope,
                        real.position(),
                        real.cluster(),
                        real.issuedAt().minus(Duration.ofDays(36))),
                ChangeCursor.of(ResourceType.CUSTOMERS, scope, real.position(), real.cluster() + 1, real.issuedAt()))) {
            error(
                            changes(
                                    DemoDataset.LIVE_SECRET_KEY,
                                    DEMO_TEAM,
                                    resource("customers", expired.encode(), null)),
                            410,
                            "invalid_request_error",
                            "cursor_expired")
                    .body("error.param", equalTo("resources[0].cursor"))
                    .body("error.message", containsString("null"));
        }
        changes(
                        DemoDataset.LIVE_SECRET_KEY,
                        DEMO_TEAM,
                        resource(
                                "customers",
                                ChangeCursor.of(
                                                ResourceType.CUSTOMERS,
                                                scope,
                                                FeedPosition.START,
                                                real.cluster(),
                                                real.issuedAt().minus(Duration.ofDays(34)))
                                        .encode(),
                                "[\"id\"]"))
                .statusCode(200);
    }

    private static String syncCursor(String type) throws Exception {
        return syncCursorOf(DemoDataset.LIVE_SECRET_KEY, type);
    }

    private static String syncCursorOf(String key, String type) throws Exception {
        return JSON.readTree(
                        Api.post(key, DEMO_TEAM, "{\"resources\":[{\"type\":\"" + type + "\",\"fields\":[\"id\"]}]}")
                                .statusCode(200)
                                .extract()
                                .asByteArray())
                .get("data")
                .get("syncCursor")
                .get(type)
                .asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
