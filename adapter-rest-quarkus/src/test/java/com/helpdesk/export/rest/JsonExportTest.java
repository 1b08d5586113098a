package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.OTHER_TEAM;
import static com.helpdesk.export.rest.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.export.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The JSON export end to end on the demo dataset: envelope, limits, order, fields, continuation, isolation. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class JsonExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    private static JsonNode export(String key, String team, String body) throws Exception {
        String text = post(key, team, body)
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        return JSON.readTree(text);
    }

    private long count(String sql, Object... args) {
        return TestSql.count(dataSource, sql, args);
    }

    @Test
    void fiveResourcesInOneEnvelope() throws Exception {
        JsonNode root = export(
                DemoDataset.LIVE_SECRET_KEY,
                DEMO_TEAM,
                "{\"resources\":[{\"type\":\"tickets\"},{\"type\":\"customers\"},{\"type\":\"articles\"},"
                        + "{\"type\":\"messages\"},{\"type\":\"members\"}]}");
        assertThat(root.get("success").asBoolean()).isTrue();
        JsonNode data = root.get("data");
        assertThat(fieldNames(data))
                .containsExactly(
                        "object", "format", "totalRows", "resources", "hasMore", "nextCursor", "syncCursor", "limits");
        assertThat(data.get("object").asText()).isEqualTo("export");
        assertThat(data.get("format").asText()).isEqualTo("json");
        assertThat(data.get("limits").get("maxRowsPerResource").asInt()).isEqualTo(10_000);
        assertThat(root.get("meta").get("requestId").asText()).startsWith("req_");
        assertThat(root.get("meta").get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        long total = 0;
        for (String type : List.of("tickets", "customers", "articles", "messages", "members")) {
            long matching = count(
                    "select count(*) from " + type + " where team_id = ?"
                            + (type.equals("members") ? "" : " and mode = 'live'"),
                    UUID.fromString(DEMO_TEAM));
            JsonNode rows = data.get("resources").get(type);
            assertThat(rows.size()).as(type).isEqualTo((int) Math.min(matching, 10_000));
            assertThat(data.get("hasMore").get(type).asBoolean()).as(type).isEqualTo(matching > 10_000);
            assertThat(data.get("nextCursor").get(type).isNull()).as(type).isEqualTo(matching <= 10_000);
            assertThat(data.get("syncCursor").get(type).asText()).as(type).isNotBlank();
            total += rows.size();
        }
        assertThat(data.get("hasMore").get("tickets").asBoolean()).isTrue();
        assertThat(data.get("totalRows").asLong()).isEqualTo(total);

        JsonNode ticket = data.get("resources").get("tickets").get(0);
        assertThat(fieldNames(ticket))
                .containsExactly(
                        "id",
                        "title",
                        "status",
                        "priority",
                        "customerId",
                        "assignedTo",
                        "tags",
                        "notes",
                        "messageCount",
                        "responseDeadline",
                        "resolutionDeadline",
                        "createdAt",
                        "updatedAt",
                        "resolvedAt",
                        "metadata",
                        "customFields");
        assertThat(fieldNames(ticket.get("customFields")))
                .as("the demo team's ticket fields, in position order")
                .containsExactly("plan", "order_ref", "amount", "is_vip", "due_on");
        JsonNode customer = data.get("resources").get("customers").get(0);
        assertThat(fieldNames(customer))
                .containsExactly(
                        "id",
                        "name",
                        "email",
                        "phone",
                        "status",
                        "sentiment",
                        "tags",
                        "notes",
                        "ticketCount",
                        "createdAt",
                        "updatedAt",
                        "metadata",
                        "customFields");
        assertThat(fieldNames(customer.get("customFields")))
                .containsExactly("account_tier", "crm_note", "lifetime_value", "newsletter", "birthday");
        JsonNode article = data.get("resources").get("articles").get(0);
        assertThat(fieldNames(article))
                .containsExactly(
                        "id",
                        "title",
                        "slug",
                        "content",
                        "category",
                        "status",
                        "isPublic",
                        "tags",
                        "seoTitle",
                        "seoDescription",
                        "viewCount",
                        "useCount",
                        "createdAt",
                        "updatedAt",
                        "publishedAt");
        assertThat(fieldNames(data.get("resources").get("messages").get(0)))
                .containsExactly(
                        "id", "ticketId", "sender", "authorId", "senderName", "isInternal", "content", "createdAt");
        assertThat(fieldNames(data.get("resources").get("members").get(0)))
                .containsExactly("id", "name", "email", "role", "createdAt");
        Set<String> memberIds = new HashSet<>();
        data.get("resources")
                .get("members")
                .forEach(m -> memberIds.add(m.get("id").asText()));
        for (JsonNode t : data.get("resources").get("tickets")) {
            assertThat(t.get("metadata").isObject()).isTrue();
            assertThat(t.get("customFields").isObject()).isTrue();
            JsonNode amount = t.get("customFields").get("amount");
            assertThat(amount.isNull() || amount.isNumber())
                    .as("amount is a number")
                    .isTrue();
            JsonNode vip = t.get("customFields").get("is_vip");
            assertThat(vip.isNull() || vip.isBoolean()).isTrue();
            JsonNode due = t.get("customFields").get("due_on");
            assertThat(due.isNull() || due.asText().matches("\\d{4}-\\d\\d-\\d\\d"))
                    .isTrue();
            assertThat(t.get("assignedTo").isNull()
                            || memberIds.contains(t.get("assignedTo").asText()))
                    .as("assignedTo resolves to an exported member")
                    .isTrue();
        }
        for (JsonNode m : data.get("resources").get("messages")) {
            assertThat(m.get("id").asText()).matches("msg_[0-9a-f]{32}");
            assertThat(m.get("ticketId").asText()).matches("tkt_[0-9a-f]{32}");
            String sender = m.get("sender").asText();
            JsonNode author = m.get("authorId");
            if (sender.equals("agent")) {
                assertThat(memberIds).contains(author.asText());
            } else if (sender.equals("customer")) {
                assertThat(author.asText()).matches("cus_[0-9a-f]{32}");
            } else {
                assertThat(author.isNull()).isTrue();
            }
        }
        for (JsonNode t : data.get("resources").get("tickets")) {
            assertThat(t.get("id").asText()).matches("tkt_[0-9a-f]{32}");
            assertThat(t.get("customerId").isNull()
                            || t.get("customerId").asText().matches("cus_[0-9a-f]{32}"))
                    .isTrue();
            assertThat(t.get("assignedTo").isNull()
                            || t.get("assignedTo").asText().matches("mem_[0-9a-f]{32}"))
                    .isTrue();
            assertThat(t.get("tags").isArray()).isTrue();
        }
        assertOrdered(data.get("resources").get("tickets"));
        assertOrdered(data.get("resources").get("customers"));
        assertOrdered(data.get("resources").get("articles"));
        assertOrdered(data.get("resources").get("messages"));
        assertOrdered(data.get("resources").get("members"));
    }

    @Test
    void liveAndTestKeysSeeTheSameMembersAndMessagesFollowTheirTicketsMode() throws Exception {
        String body = "{\"resources\":[{\"type\":\"members\",\"fields\":[\"id\"]},"
                + "{\"type\":\"messages\",\"fields\":[\"ticketId\"]},{\"type\":\"tickets\",\"fields\":[\"id\"]}]}";
        JsonNode live =
                export(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, body).get("data").get("resources");
        JsonNode test =
                export(DemoDataset.TEST_SECRET_KEY, DEMO_TEAM, body).get("data").get("resources");
        assertThat(test.get("members")).isEqualTo(live.get("members"));
        Set<String> testTickets = new HashSet<>();
        test.get("tickets").forEach(t -> testTickets.add(t.get("id").asText()));
        assertThat(test.get("messages"))
                .isNotEmpty()
                .allSatisfy(
                        m -> assertThat(testTickets).contains(m.get("ticketId").asText()));
        Set<String> liveTicketsOfMessages = new HashSet<>();
        live.get("messages")
                .forEach(m -> liveTicketsOfMessages.add(m.get("ticketId").asText()));
        assertThat(liveTicketsOfMessages).doesNotContainAnyElementsOf(testTickets);
        JsonNode other = export(DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY, OTHER_TEAM, body)
                .get("data")
                .get("resources");
        Set<String> otherMembers = new HashSet<>();
        other.get("members").forEach(m -> otherMembers.add(m.get("id").asText()));
        live.get("members")
                .forEach(
                        m -> assertThat(otherMembers).doesNotContain(m.get("id").asText()));
    }

    @Test
    void oneCustomFieldAloneAndAnUndefinedKeyNamedInTheError() throws Exception {
        JsonNode rows = export(
                        DemoDataset.LIVE_SECRET_KEY,
                        DEMO_TEAM,
                        "{\"resources\":[{\"type\":\"tickets\"," + "\"fields\":[\"customFields.due_on\",\"id\"]}]}")
                .get("data")
                .get("resources")
                .get("tickets");
        assertThat(fieldNames(rows.get(0))).containsExactly("customFields", "id");
        assertThat(fieldNames(rows.get(0).get("customFields"))).containsExactly("due_on");
        Api.error(
                        post(
                                DemoDataset.LIVE_SECRET_KEY,
                                DEMO_TEAM,
                                "{\"resources\":[{\"type\":\"tickets\","
                                        + "\"fields\":[\"id\",\"customFields.region\"]}]}"),
                        400,
                        "invalid_request_error",
                        "parameter_invalid")
                .body("error.param", Matchers.equalTo("resources[0].fields[1]"));
        // the other team defines region, and no customer fields at all
        JsonNode other = export(
                        DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY,
                        OTHER_TEAM,
                        "{\"resources\":["
                                + "{\"type\":\"tickets\",\"fields\":[\"customFields\"]},{\"type\":\"customers\",\"fields\":[\"id\","
                                + "\"customFields\"]}]}")
                .get("data")
                .get("resources");
        assertThat(fieldNames(other.get("tickets").get(0).get("customFields"))).containsExactly("region");
        assertThat(other.get("customers").get(0).get("customFields").isObject()).isTrue();
        assertThat(other.get("customers").get(0).get("customFields")).isEmpty();
    }

    @Test
    void fieldsSelectTheFieldsInTheirOrder() throws Exception {
        JsonNode rows = export(
                        DemoDataset.LIVE_SECRET_KEY,
                        DEMO_TEAM,
                        "{\"resources\":[{\"type\":\"customers\",\"fields\":[\"email\",\"id\",\"createdAt\"]}]}")
                .get("data")
                .get("resources")
                .get("customers");
        assertThat(rows.size()).isPositive();
        for (JsonNode row : rows) {
            assertThat(fieldNames(row)).containsExactly("email", "id", "createdAt");
        }
    }

    @Test
    void filtersSelectExactlyTheMatchingRows() throws Exception {
        JsonNode data = export(
                        DemoDataset.LIVE_SECRET_KEY,
                        DEMO_TEAM,
                        "{\"resources\":[{\"type\":\"tickets\","
                                + "\"filters\":{\"status\":[\"open\",\"pending\"],\"priority\":\"urgent\","
                                + "\"createdAfter\":\"2025-03-01T00:00:00Z\"},\"fields\":[\"id\",\"status\",\"priority\",\"createdAt\"]}]}")
                .get("data");
        long matching = count(
                "select count(*) from tickets where team_id = ? and mode = 'live' and status in "
                        + "('open','pending') and priority = 'urgent' and created_at >= '2025-03-01T00:00:00Z'",
                UUID.fromString(DEMO_TEAM));
        JsonNode rows = data.get("resources").get("tickets");
        assertThat(matching).isPositive();
        assertThat(rows.size()).isEqualTo((int) Math.min(matching, 10_000));
        for (JsonNode row : rows) {
            assertThat(row.get("status").asText()).isIn("open", "pending");
            assertThat(row.get("priority").asText()).isEqualTo("urgent");
            assertThat(Instant.parse(row.get("createdAt").asText()))
                    .isAfterOrEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        }
    }

    @Test
    void followingNextCursorYieldsEveryRowOnceInOrder() throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int calls = 0;
        do {
            String body = "{\"resources\":[{\"type\":\"tickets\",\"fields\":[\"id\",\"createdAt\"],\"cursor\":"
                    + (cursor == null ? "null" : "\"" + cursor + "\"") + "}]}";
            JsonNode data = export(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, body).get("data");
            JsonNode rows = data.get("resources").get("tickets");
            assertOrdered(rows);
            rows.forEach(r -> ids.add(r.get("id").asText()));
            cursor = data.get("hasMore").get("tickets").asBoolean()
                    ? data.get("nextCursor").get("tickets").asText()
                    : null;
            calls++;
        } while (cursor != null && calls < 20);
        long all =
                count("select count(*) from tickets where team_id = ? and mode = 'live'", UUID.fromString(DEMO_TEAM));
        assertThat(all).isGreaterThanOrEqualTo(25_000);
        assertThat(ids).hasSize((int) all).doesNotHaveDuplicates();
        assertThat(calls).isEqualTo((int) ((all + 9_999) / 10_000));
    }

    @Test
    void keysSeeOnlyTheirTeamAndMode() throws Exception {
        Set<String> live = ids(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM);
        Set<String> test = ids(DemoDataset.TEST_SECRET_KEY, DEMO_TEAM);
        Set<String> otherLive = ids(DemoDataset.OTHER_TEAM_LIVE_SECRET_KEY, OTHER_TEAM);
        Set<String> otherTest = ids(DemoDataset.OTHER_TEAM_TEST_SECRET_KEY, OTHER_TEAM);
        List<Set<String>> all = List.of(live, test, otherLive, otherTest);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i)).isNotEmpty();
            for (int j = i + 1; j < all.size(); j++) {
                Set<String> overlap = new HashSet<>(all.get(i));
                overlap.retainAll(all.get(j));
                assertThat(overlap).as("keys %d and %d", i, j).isEmpty();
            }
        }
        for (String id : test) {
            assertThat(count(
                            "select count(*) from customers where id = ? and team_id = ? and mode = 'test'",
                            hexToUuid(id.substring(4)),
                            UUID.fromString(DEMO_TEAM)))
                    .isEqualTo(1);
        }
    }

    private static Set<String> ids(String key, String team) throws Exception {
        Set<String> ids = new HashSet<>();
        export(key, team, "{\"resources\":[{\"type\":\"customers\",\"fields\":[\"id\"]}]}")
                .get("data")
                .get("resources")
                .get("customers")
                .forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    static UUID hexToUuid(String hex) {
        return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
    }

    static void assertOrdered(JsonNode rows) {
        for (int i = 1; i < rows.size(); i++) {
            Instant before = Instant.parse(rows.get(i - 1).get("createdAt").asText());
            Instant after = Instant.parse(rows.get(i).get("createdAt").asText());
            int byTime = before.compareTo(after);
            assertThat(byTime).as("row %d createdAt", i).isLessThanOrEqualTo(0);
            if (byTime == 0) {
                assertThat(rows.get(i - 1).get("id").asText().substring(4))
                        .as("row %d id tie-break", i)
                        .isLessThan(rows.get(i).get("id").asText().substring(4));
            }
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
