package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.model.ResourceType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input, generated from the API's rules for the body, filters, records, keys and errors: for every body field
 * and every filter of every type, the value missing, null, of each wrong JSON type, empty, 60,000 characters and a
 * megabyte long, a wrong enum value, a bad date or id, repeated, nested deep, in a huge array; unknown keys at each
 * level; malformed JSON (cut at every byte, trailing garbage, invalid UTF-8, byte-order marks, other encodings); wrong,
 * missing and malformed Content-Types; bodies around and over 64 KiB, sent with and without Content-Length; other
 * methods; odd paths and headers. Each case names its expected answer: 200, or the documented 4xx in the envelope with
 * the exact {@code param}; none may be a 5xx. Positive controls are mixed in, so that the generator cannot only produce
 * refusals.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(HostileSuiteProfile.class)
class HostileInputTest {

    private static final String KEY = DemoDataset.LIVE_SECRET_KEY;
    private static final String PATH = Api.exportPath(DEMO_TEAM);
    private static final String JSON_TYPE = "application/json";

    @TestHTTPResource("/")
    URL base;

    // ------------------------------------------------------------------------------------------- the contract

    enum Kind {
        ENUM,
        ID,
        TEXT,
        TAG,
        BOOL,
        TIME
    }

    record Filter(String name, Kind kind, List<String> values, String prefix) {}

    private static Filter enumerated(String name, String... values) {
        return new Filter(name, Kind.ENUM, List.of(values), null);
    }

    private static List<Filter> times() {
        return List.of(
                new Filter("createdAfter", Kind.TIME, List.of(), null),
                new Filter("createdBefore", Kind.TIME, List.of(), null),
                new Filter("updatedAfter", Kind.TIME, List.of(), null),
                new Filter("updatedBefore", Kind.TIME, List.of(), null));
    }

    private static List<Filter> with(List<Filter> first, List<Filter> more) {
        List<Filter> all = new ArrayList<>(first);
        all.addAll(more);
        return List.copyOf(all);
    }

    /** Each type's filters, written out here by hand, not taken from the domain. */
    static final Map<String, List<Filter>> FILTERS = new LinkedHashMap<>();
    /** Each type's record fields, written out here by hand, not taken from the domain. */
    static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FILTERS.put(
                "tickets",
                with(
                        List.of(
                                enumerated("status", "new", "open", "pending", "resolved", "closed"),
                                enumerated("priority", "low", "normal", "high", "urgent"),
                                new Filter("customerId", Kind.ID, List.of(), "cus_"),
                                new Filter("assignedTo", Kind.ID, List.of(), "mem_"),
                                new Filter("tag", Kind.TAG, List.of(), null),
                                new Filter("search", Kind.TEXT, List.of(), null)),
                        times()));
        FILTERS.put(
                "customers",
                with(
                        List.of(
                                enumerated("status", "active", "inactive"),
                                enumerated("sentiment", "positive", "neutral", "negative"),
                                new Filter("tag", Kind.TAG, List.of(), null),
                                new Filter("search", Kind.TEXT, List.of(), null)),
                        times()));
        FILTERS.put(
                "articles",
                with(
                        List.of(
                                enumerated("status", "draft", "published", "archived"),
                                new Filter("category", Kind.TEXT, List.of(), null),
                                new Filter("isPublic", Kind.BOOL, List.of(), null),
                                new Filter("tag", Kind.TAG, List.of(), null),
                                new Filter("search", Kind.TEXT, List.of(), null)),
                        times()));
        FILTERS.put(
                "messages",
                List.of(
                        new Filter("ticketId", Kind.ID, List.of(), "tkt_"),
                        enumerated("sender", "agent", "customer", "system"),
                        new Filter("isInternal", Kind.BOOL, List.of(), null),
                        new Filter("createdAfter", Kind.TIME, List.of(), null),
                        new Filter("createdBefore", Kind.TIME, List.of(), null)));
        FILTERS.put(
                "members",
                List.of(
                        enumerated("role", "owner", "admin", "manager", "librarian", "agent", "spectator"),
                        new Filter("search", Kind.TEXT, List.of(), null),
                        new Filter("createdAfter", Kind.TIME, List.of(), null),
                        new Filter("createdBefore", Kind.TIME, List.of(), null)));
        FIELDS.put(
                "tickets",
                List.of(
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
                        "customFields"));
        FIELDS.put(
                "customers",
                List.of(
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
                        "customFields"));
        FIELDS.put(
                "articles",
                List.of(
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
                        "publishedAt"));
        FIELDS.put(
                "messages",
                List.of("id", "ticketId", "sender", "authorId", "senderName", "isInternal", "content", "createdAt"));
        FIELDS.put("members", List.of("id", "name", "email", "role", "createdAt"));
    }

    @Test
    void theContractModelOfThisTestIsTheServicesModel() {
        for (ResourceType type : ResourceType.values()) {
            assertThat(FILTERS.get(type.wireName()).stream().map(Filter::name).toList())
                    .containsExactlyElementsOf(type.filters().keySet());
            assertThat(FIELDS.get(type.wireName()))
                    .containsExactlyElementsOf(
                            type.fields().stream().map(f -> f.name()).toList());
        }
    }

    // ------------------------------------------------------------------------------------------- cases

    /**
     * One request and what it must get.
     *
     * @param status 200, or the error's status
     * @param code   the error code, null for 200
     * @param param  the error's param, null when none
     */
    record Case(
            String category,
            String name,
            String method,
            String path,
            String key,
            String contentType,
            byte[] body,
            boolean chunked,
            int status,
            String code,
            String param) {
        @Override
        public String toString() {
            return category + ": " + name;
        }
    }

    private static Case body(String category, String name, byte[] body, int status, String code, String param) {
        return new Case(category, name, "POST", PATH, KEY, JSON_TYPE, body, false, status, code, param);
    }

    private static Case body(String category, String name, String json, int status, String code, String param) {
        return body(category, name, json.getBytes(StandardCharsets.UTF_8), status, code, param);
    }

    private static Case ok(String category, String name, String json) {
        return body(category, name, json, 200, null, null);
    }

    private static Case invalid(String category, String name, String json, String param) {
        return body(category, name, json, 400, "parameter_invalid", param);
    }

    private static Case unknown(String category, String name, String json, String param) {
        return body(category, name, json, 400, "parameter_unknown", param);
    }

    private static Case missing(String category, String name, String json, String param) {
        return body(category, name, json, 400, "parameter_missing", param);
    }

    private static Case invalidJson(String category, String name, byte[] body) {
        return body(category, name, body, 400, "invalid_json", null);
    }

    private static Case tooLarge(String category, String name, String json) {
        return body(category, name, json, 413, "payload_too_large", null);
    }

    private static String q(String text) {
        try {
            return HostileHttp.JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String repeat(String item, int times) {
        return String.join(",", Collections.nCopies(times, item));
    }

    private static final String SIXTY_K = "x".repeat(60_000);
    private static final String ONE_MEGABYTE = "m".repeat(1 << 20);

    /** A resource body: type, one filter, and a narrowing time filter so that a 200 stays small. */
    private static String withFilter(String type, String filter, String valueJson) {
        String narrow = filter.equals("createdAfter")
                ? "\"createdBefore\":\"1970-01-02T00:00:00Z\""
                : "\"createdAfter\":\"2099-01-01T00:00:00Z\"";
        return "{\"resources\":[{\"type\":\"" + type + "\",\"fields\":[\"id\"],\"filters\":{" + q(filter) + ":"
                + valueJson + "," + narrow + "}}]}";
    }

    static Stream<Case> filterCases() {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, List<Filter>> entry : FILTERS.entrySet()) {
            String type = entry.getKey();
            for (Filter f : entry.getValue()) {
                String cat = "filter " + type + "." + f.name();
                String at = "resources[0].filters." + f.name();
                // common to every kind
                cases.add(invalid(cat, "null", withFilter(type, f.name(), "null"), at));
                cases.add(invalid(cat, "object", withFilter(type, f.name(), "{}"), at));
                cases.add(invalid(cat, "number", withFilter(type, f.name(), "5"), at));
                cases.add(invalid(cat, "float", withFilter(type, f.name(), "1.5e3"), at));
                cases.add(invalid(cat, "60,000 characters", withFilter(type, f.name(), q(SIXTY_K)), at));
                cases.add(tooLarge(cat, "a megabyte", withFilter(type, f.name(), q(ONE_MEGABYTE))));
                cases.add(invalid(cat, "empty string", withFilter(type, f.name(), "\"\""), at));
                switch (f.kind()) {
                    case ENUM -> {
                        String v = f.values().get(0);
                        cases.add(invalid(cat, "true", withFilter(type, f.name(), "true"), at));
                        cases.add(invalid(cat, "wrong value", withFilter(type, f.name(), "\"bogus\""), at));
                        cases.add(invalid(cat, "upper case", withFilter(type, f.name(), q(v.toUpperCase())), at));
                        cases.add(invalid(cat, "padded", withFilter(type, f.name(), q(" " + v)), at));
                        cases.add(invalid(cat, "injection", withFilter(type, f.name(), q(v + "' OR '1'='1")), at));
                        cases.add(invalid(cat, "empty list", withFilter(type, f.name(), "[]"), at));
                        cases.add(invalid(
                                cat, "wrong value in list", withFilter(type, f.name(), "[\"bogus\"]"), at + "[0]"));
                        cases.add(invalid(
                                cat,
                                "duplicate",
                                withFilter(type, f.name(), "[" + q(v) + "," + q(v) + "]"),
                                at + "[1]"));
                        cases.add(invalid(
                                cat, "number in list", withFilter(type, f.name(), "[" + q(v) + ",5]"), at + "[1]"));
                        cases.add(invalid(
                                cat, "null in list", withFilter(type, f.name(), "[" + q(v) + ",null]"), at + "[1]"));
                        cases.add(invalid(
                                cat, "nested list", withFilter(type, f.name(), "[[" + q(v) + "]]"), at + "[0]"));
                        cases.add(invalid(cat, "object in list", withFilter(type, f.name(), "[{}]"), at + "[0]"));
                        cases.add(invalid(
                                cat,
                                "3,000 repeats",
                                withFilter(type, f.name(), "[" + repeat(q(v), 3000) + "]"),
                                at + "[1]"));
                        cases.add(ok(cat, "one value", withFilter(type, f.name(), q(v))));
                        cases.add(ok(
                                cat,
                                "every value",
                                withFilter(
                                        type,
                                        f.name(),
                                        f.values().stream()
                                                .map(HostileInputTest::q)
                                                .collect(Collectors.joining(",", "[", "]")))));
                    }
                    case ID -> {
                        String hex = "0123456789abcdef0123456789abcdef";
                        String other = f.prefix().equals("cus_") ? "mem_" : "cus_";
                        for (String bad : List.of(
                                f.prefix(),
                                f.prefix() + hex.substring(1),
                                f.prefix() + hex + "0",
                                f.prefix() + hex.toUpperCase(),
                                other + hex,
                                (f.prefix().equals("tkt_") ? "msg_" : "tkt_") + hex,
                                hex,
                                "01234567-89ab-cdef-0123-456789abcde",
                                "{01234567-89ab-cdef-0123-456789abcdef}",
                                "01234567-89ab-cdef-0123-456789abcdef ",
                                " " + f.prefix() + hex,
                                f.prefix() + hex + "\u0000",
                                f.prefix() + hex + "' OR '1'='1")) {
                            cases.add(invalid(
                                    cat,
                                    "bad id " + bad.replace("\u0000", "NUL"),
                                    withFilter(type, f.name(), q(bad)),
                                    at));
                        }
                        cases.add(invalid(cat, "true", withFilter(type, f.name(), "true"), at));
                        cases.add(invalid(
                                cat, "list", withFilter(type, f.name(), "[" + q(f.prefix() + hex) + "]"), at));
                        cases.add(ok(cat, "public id", withFilter(type, f.name(), q(f.prefix() + hex))));
                        cases.add(
                                ok(cat, "UUID", withFilter(type, f.name(), q("01234567-89ab-cdef-0123-456789abcdef"))));
                        cases.add(ok(
                                cat,
                                "UUID upper case",
                                withFilter(type, f.name(), q("01234567-89AB-CDEF-0123-456789ABCDEF"))));
                    }
                    case TEXT, TAG -> {
                        cases.add(invalid(cat, "true", withFilter(type, f.name(), "true"), at));
                        cases.add(invalid(cat, "list", withFilter(type, f.name(), "[\"a\"]"), at));
                        cases.add(invalid(cat, "201 characters", withFilter(type, f.name(), q("a".repeat(201))), at));
                        cases.add(invalid(cat, "NUL", withFilter(type, f.name(), q("a\u0000b")), at));
                        cases.add(invalid(cat, "lone surrogate", withFilter(type, f.name(), "\"a\\ud800b\""), at));
                        cases.add(invalid(cat, "lone low surrogate", withFilter(type, f.name(), "\"\\udc00\""), at));
                        cases.add(invalid(
                                cat,
                                "101 emoji (202 UTF-16 units)",
                                withFilter(type, f.name(), q("\uD83D\uDE00".repeat(101))),
                                at));
                        cases.add(ok(cat, "200 characters", withFilter(type, f.name(), q("a".repeat(200)))));
                        cases.add(ok(cat, "100 emoji", withFilter(type, f.name(), q("\uD83D\uDE00".repeat(100)))));
                        cases.add(ok(cat, "LIKE metacharacters", withFilter(type, f.name(), q("%_\\"))));
                        cases.add(ok(cat, "escaped pair", withFilter(type, f.name(), "\"\\ud83d\\ude00\"")));
                        if (f.kind() == Kind.TAG) {
                            for (String ws : List.of("a b", "a\tb", "a\nb", " a", "a\r", "a\u2003b", "a\u3000b")) {
                                cases.add(invalid(
                                        cat,
                                        "white space "
                                                + ws.codePoints()
                                                        .mapToObj(Integer::toHexString)
                                                        .collect(Collectors.joining(" ")),
                                        withFilter(type, f.name(), q(ws)),
                                        at));
                            }
                            cases.add(ok(cat, "formula-like tag", withFilter(type, f.name(), q("=cmd"))));
                        } else {
                            cases.add(ok(cat, "spaces and quotes", withFilter(type, f.name(), q(" a \"b\" 'c' "))));
                        }
                    }
                    case BOOL -> {
                        for (String bad : List.of("1", "0", "\"true\"", "\"false\"", "[]", "[true]")) {
                            cases.add(invalid(cat, bad, withFilter(type, f.name(), bad), at));
                        }
                        cases.add(ok(cat, "true", withFilter(type, f.name(), "true")));
                        cases.add(ok(cat, "false", withFilter(type, f.name(), "false")));
                    }
                    case TIME -> {
                        for (String bad : List.of(
                                "yesterday",
                                "2025-01-01",
                                "2025-01-01T00:00:00",
                                "2025-01-01 00:00:00Z",
                                "2025-13-01T00:00:00Z",
                                "2025-02-30T00:00:00Z",
                                "2025-01-01T25:00:00Z",
                                "2016-12-31T23:59:60Z",
                                "0000-12-31T23:59:59Z",
                                "+10000-01-01T00:00:00Z",
                                "2025-01-01T00:00:00+19:00",
                                "2025-01-01T00:00:00.1234567890Z",
                                "1700000000",
                                "20250101T000000Z",
                                "2025-W01-1T00:00:00Z",
                                "9999-12-31T23:59:59.999999999Z",
                                "2025-01-01T00:00:00Z' OR '1'='1")) {
                            cases.add(invalid(cat, "bad time " + bad, withFilter(type, f.name(), q(bad)), at));
                        }
                        cases.add(invalid(cat, "true", withFilter(type, f.name(), "true"), at));
                        cases.add(invalid(cat, "list", withFilter(type, f.name(), "[\"2025-01-01T00:00:00Z\"]"), at));
                        for (String good : List.of(
                                "2025-01-01T00:00:00Z",
                                "2025-01-01T01:00:00+01:00",
                                "2025-01-01T00:00:00.123456Z",
                                "2025-01-01T00:00:00.123456789Z",
                                "0001-01-01T00:00:00Z",
                                "9999-12-31T23:59:59Z")) {
                            cases.add(ok(cat, "time " + good, withFilter(type, f.name(), q(good))));
                        }
                    }
                }
            }
            // filters that this type does not have
            String cat = "filter " + type + " unknown";
            List<String> own = entry.getValue().stream().map(Filter::name).toList();
            FILTERS.values().stream()
                    .flatMap(List::stream)
                    .map(Filter::name)
                    .distinct()
                    .filter(name -> !own.contains(name))
                    .forEach(name -> cases.add(unknown(
                            cat,
                            "other type's " + name,
                            withFilter(type, name, "\"x\""),
                            "resources[0].filters." + name)));
            for (String name : List.of("colour", "Status", "status ", "STATUS", "created_after", "team_id", "mode")) {
                cases.add(unknown(cat, q(name), withFilter(type, name, "\"x\""), "resources[0].filters." + name));
            }
            cases.add(unknown(cat, "empty key", withFilter(type, "", "\"x\""), "resources[0].filters."));
        }
        return cases.stream();
    }

    private static String resource(String members) {
        return "{\"resources\":[{" + members + "}]}";
    }

    static Stream<Case> resourceCases() {
        List<Case> cases = new ArrayList<>();
        String cat = "resources[i].type";
        cases.add(missing(cat, "missing", resource("\"fields\":[\"id\"]"), "resources[0].type"));
        cases.add(missing(cat, "null", resource("\"type\":null"), "resources[0].type"));
        for (String bad : List.of("7", "true", "[]", "[\"tickets\"]", "{}", "1.5")) {
            cases.add(invalid(cat, bad, resource("\"type\":" + bad), "resources[0].type"));
        }
        for (String bad : List.of(
                "",
                "Tickets",
                "TICKETS",
                "ticket",
                " tickets",
                "tickets\u0000",
                "invoices",
                "tickets' OR '1'='1",
                SIXTY_K)) {
            cases.add(invalid(
                    cat,
                    "wrong value "
                            + bad.substring(0, Math.min(bad.length(), 20)).replace("\u0000", "NUL"),
                    resource("\"type\":" + q(bad)),
                    "resources[0].type"));
        }
        cases.add(tooLarge(cat, "a megabyte", resource("\"type\":" + q(ONE_MEGABYTE))));
        cases.add(invalid(cat, "lone surrogate", resource("\"type\":\"\\ud800\""), "resources[0].type"));
        for (String type : FIELDS.keySet()) {
            cases.add(ok(
                    cat,
                    type,
                    resource("\"type\":" + q(type) + ",\"fields\":[\"id\"],"
                            + "\"filters\":{\"createdAfter\":\"2099-01-01T00:00:00Z\"}")));
        }

        cat = "resources[i].fields";
        String t = "\"type\":\"articles\",";
        cases.add(ok(cat, "null means every field", resource(t + "\"fields\":null")));
        cases.add(invalid(cat, "empty", resource(t + "\"fields\":[]"), "resources[0].fields"));
        for (String bad : List.of("\"id\"", "5", "{}", "true", "\"\"")) {
            cases.add(invalid(cat, bad, resource(t + "\"fields\":" + bad), "resources[0].fields"));
        }
        for (String bad : List.of(
                "5",
                "null",
                "{}",
                "[]",
                "true",
                "\"\"",
                "\"bogus\"",
                "\"ID\"",
                "\" id\"",
                "\"email\"",
                "\"teamId\"",
                "\"team_id\"",
                "\"mode\"",
                "\"\\ud800\"")) {
            cases.add(
                    invalid(cat, "element " + bad, resource(t + "\"fields\":[" + bad + "]"), "resources[0].fields[0]"));
        }
        cases.add(invalid(
                cat, "duplicate", resource(t + "\"fields\":[\"id\",\"title\",\"id\"]"), "resources[0].fields[2]"));
        // custom fields: the demo team's keys, keys it does not define, keys that cannot be keys, types without them
        String tickets = "\"type\":\"tickets\",\"filters\":{\"createdAfter\":\"2099-01-01T00:00:00Z\"},";
        cases.add(ok(cat, "customFields", resource(tickets + "\"fields\":[\"id\",\"customFields\"]")));
        cases.add(ok(cat, "customFields.<key>", resource(tickets + "\"fields\":[\"customFields.due_on\",\"id\"]")));
        for (String bad : List.of(
                "customFields.nope",
                "customFields.region",
                "customFields.",
                "customFields.Plan",
                "customFields.plan ",
                "customFields.plan.x",
                "customFields.1plan",
                "customFields.p-l",
                "customFields." + "a".repeat(41),
                "customFields.'; DROP TABLE tickets; --",
                "customfields",
                "customFields.account_tier")) {
            cases.add(invalid(
                    cat,
                    "custom " + bad,
                    resource(tickets + "\"fields\":[\"id\"," + q(bad) + "]"),
                    "resources[0].fields[1]"));
        }
        cases.add(invalid(
                cat,
                "custom twice",
                resource(tickets + "\"fields\":[\"customFields\",\"customFields.plan\"]"),
                "resources[0].fields[1]"));
        cases.add(invalid(
                cat,
                "custom field of articles",
                resource(t + "\"fields\":[\"customFields\"]"),
                "resources[0].fields[0]"));
        cases.add(invalid(
                cat,
                "custom field of members",
                resource("\"type\":\"members\",\"fields\":" + "[\"customFields.plan\"]"),
                "resources[0].fields[0]"));
        cases.add(invalid(
                cat,
                "3,000 repeats",
                resource(t + "\"fields\":[" + repeat("\"id\"", 3000) + "]"),
                "resources[0].fields[1]"));
        cases.add(invalid(
                cat, "60,000 characters", resource(t + "\"fields\":[" + q(SIXTY_K) + "]"), "resources[0].fields[0]"));
        cases.add(tooLarge(cat, "a megabyte", resource(t + "\"fields\":[" + q(ONE_MEGABYTE) + "]")));
        for (Map.Entry<String, List<String>> entry : FIELDS.entrySet()) {
            List<String> reversed = new ArrayList<>(entry.getValue());
            Collections.reverse(reversed);
            cases.add(ok(
                    cat,
                    entry.getKey() + " every field reversed",
                    resource("\"type\":" + q(entry.getKey())
                            + ",\"filters\":{\"createdAfter\":\"2099-01-01T00:00:00Z\"},\"fields\":"
                            + reversed.stream().map(HostileInputTest::q).collect(Collectors.joining(",", "[", "]")))));
        }

        cat = "resources[i].cursor";
        cases.add(ok(cat, "null", resource(t + "\"fields\":[\"id\"],\"cursor\":null")));
        for (String bad : List.of("5", "true", "[]", "{}", "[\"x\"]")) {
            cases.add(invalid(cat, bad, resource(t + "\"cursor\":" + bad), "resources[0].cursor"));
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (String bad : List.of(
                "",
                "garbage",
                "' OR '1'='1",
                SIXTY_K,
                b64.encodeToString("c1|tickets|0|00000000-0000-4000-8000-000000000001".getBytes()),
                b64.encodeToString("c1|articles|abc|00000000-0000-4000-8000-000000000001".getBytes()),
                b64.encodeToString("c1|articles|0|' OR 1=1 --".getBytes()),
                b64.encodeToString("c1|articles|0' OR '1'='1|00000000-0000-4000-8000-000000000001".getBytes()),
                b64.encodeToString("c2|articles|0|00000000-0000-4000-8000-000000000001".getBytes()),
                b64.encodeToString("c1|articles|0|00000000-0000-4000-8000-000000000001|x".getBytes()),
                b64.encodeToString("c1|articles|0|00000000-0000-4000-8000-00000000000G".getBytes()),
                b64.encodeToString(
                        "c1|articles|99999999999999999999|00000000-0000-4000-8000-000000000001".getBytes()))) {
            cases.add(invalid(
                    cat,
                    "bad " + bad.substring(0, Math.min(bad.length(), 24)),
                    resource(t + "\"cursor\":" + q(bad)),
                    "resources[0].cursor"));
        }
        cases.add(tooLarge(cat, "a megabyte", resource(t + "\"cursor\":" + q(ONE_MEGABYTE))));
        cases.add(ok(
                cat,
                "a well-formed cursor with base64 padding",
                resource(t + "\"fields\":[\"id\"],\"cursor\":"
                        + q(Base64.getUrlEncoder()
                                .encodeToString("c1|articles|0|00000000-0000-4000-8000-000000000001".getBytes())))));
        cases.add(ok(
                cat,
                "a forged but well-formed cursor",
                resource(t + "\"fields\":[\"id\"],\"cursor\":"
                        + q(b64.encodeToString("c1|articles|0|00000000-0000-4000-8000-000000000001".getBytes())))));

        cat = "resources[i].filters";
        cases.add(ok(cat, "null", resource(t + "\"fields\":[\"id\"],\"filters\":null")));
        cases.add(ok(cat, "empty object", resource(t + "\"fields\":[\"id\"],\"filters\":{}")));
        for (String bad : List.of("\"open\"", "5", "[]", "[{}]", "true", "\"\"")) {
            cases.add(invalid(cat, bad, resource(t + "\"filters\":" + bad), "resources[0].filters"));
        }
        cases.add(invalidJson(
                cat,
                "the same filter twice",
                utf8(resource(t + "\"filters\":{\"status\":\"draft\"," + "\"status\":\"draft\"}"))));

        cat = "resources[i] unknown keys";
        for (String key : List.of("colour", "Type", "TYPE", "format", "teamId", "team_id", "mode", "limit")) {
            cases.add(unknown(cat, key, resource(t + q(key) + ":1"), "resources[0]." + key));
        }
        cases.add(unknown(cat, "empty key", resource(t + "\"\":1"), "resources[0][\"\"]"));
        cases.add(unknown(cat, "dotted key", resource(t + "\"a.b\":1"), "resources[0][\"a.b\"]"));
        return cases.stream();
    }

    static Stream<Case> topLevelCases() {
        List<Case> cases = new ArrayList<>();
        String one = "{\"type\":\"articles\",\"fields\":[\"id\"]}";
        String cat = "resources";
        cases.add(missing(cat, "missing", "{}", "resources"));
        cases.add(missing(cat, "missing, other keys", "{\"format\":\"json\"}", "resources"));
        cases.add(missing(cat, "null", "{\"resources\":null}", "resources"));
        cases.add(invalid(cat, "empty", "{\"resources\":[]}", "resources"));
        for (String bad : List.of("{}", "\"tickets\"", "5", "true", "{\"type\":\"tickets\"}")) {
            cases.add(invalid(cat, bad, "{\"resources\":" + bad + "}", "resources"));
        }
        cases.add(missing(cat, "null element", "{\"resources\":[null]}", "resources[0]"));
        for (String bad : List.of("\"tickets\"", "5", "[]", "true")) {
            cases.add(invalid(cat, "element " + bad, "{\"resources\":[" + bad + "]}", "resources[0]"));
        }
        cases.add(invalid(
                cat,
                "six entries",
                "{\"resources\":[{\"type\":\"tickets\"},{\"type\":\"customers\"},"
                        + "{\"type\":\"articles\"},{\"type\":\"messages\"},{\"type\":\"members\"},{\"type\":\"tickets\"}]}",
                "resources"));
        cases.add(ok(
                cat,
                "five types",
                "{\"resources\":["
                        + Stream.of("tickets", "customers", "articles", "messages", "members")
                                .map(type -> "{\"type\":" + q(type) + ",\"fields\":[\"id\"],"
                                        + "\"filters\":{\"createdAfter\":\"2099-01-01T00:00:00Z\"}}")
                                .collect(Collectors.joining(","))
                        + "]}"));
        cases.add(invalid(
                cat, "3,000 entries", "{\"resources\":[" + repeat("{\"type\":\"tickets\"}", 3000) + "]}", "resources"));
        cases.add(invalid(cat, "same type twice", "{\"resources\":[" + one + "," + one + "]}", "resources[1].type"));
        cases.add(invalid(
                cat,
                "same type, third",
                "{\"resources\":[{\"type\":\"tickets\",\"fields\":[\"id\"]}," + one + "," + one + "]}",
                "resources[2].type"));
        cases.add(
                ok(
                        cat,
                        "three types",
                        "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]},"
                                + "{\"type\":\"customers\",\"fields\":[\"id\"],\"filters\":{\"createdAfter\":\"2099-01-01T00:00:00Z\"}},"
                                + "{\"type\":\"tickets\",\"fields\":[\"id\"],\"filters\":{\"createdAfter\":\"2099-01-01T00:00:00Z\"}}]}"));

        cat = "format";
        cases.add(ok(cat, "null is the default", "{\"resources\":[" + one + "],\"format\":null}"));
        cases.add(ok(cat, "json", "{\"resources\":[" + one + "],\"format\":\"json\"}"));
        cases.add(ok(cat, "csv", "{\"resources\":[" + one + "],\"format\":\"csv\"}"));
        for (String bad : List.of(
                "\"\"",
                "\"CSV\"",
                "\"Json\"",
                "\"xml\"",
                "\"csv \"",
                "5",
                "true",
                "[]",
                "[\"csv\"]",
                "{}",
                q(SIXTY_K))) {
            cases.add(invalid(
                    cat,
                    bad.substring(0, Math.min(bad.length(), 20)),
                    "{\"resources\":[" + one + "],\"format\":" + bad + "}",
                    "format"));
        }
        cases.add(tooLarge(cat, "a megabyte", "{\"resources\":[" + one + "],\"format\":" + q(ONE_MEGABYTE) + "}"));
        cases.add(invalid(
                cat,
                "csv with two resources",
                "{\"resources\":[" + one + ",{\"type\":\"tickets\"}],\"format\":\"csv\"}",
                "resources"));

        cat = "csv";
        String csv = "{\"resources\":[" + one + "],\"format\":\"csv\",\"csv\":";
        cases.add(invalid(cat, "with json", "{\"resources\":[" + one + "],\"csv\":{\"bom\":true}}", "csv"));
        cases.add(invalid(cat, "with json, empty", "{\"resources\":[" + one + "],\"csv\":{}}", "csv"));
        cases.add(ok(cat, "null", csv + "null}"));
        cases.add(ok(cat, "empty", csv + "{}}"));
        cases.add(ok(cat, "bom true", csv + "{\"bom\":true}}"));
        cases.add(ok(cat, "bom null", csv + "{\"bom\":null}}"));
        for (String bad : List.of("\"yes\"", "5", "[]", "true", "\"\"")) {
            cases.add(invalid(cat, bad, csv + bad + "}", "csv"));
        }
        for (String bad : List.of("\"yes\"", "\"true\"", "1", "0", "[]", "{}")) {
            cases.add(invalid(cat, "bom " + bad, csv + "{\"bom\":" + bad + "}}", "csv.bom"));
        }
        cases.add(unknown(cat, "excel", csv + "{\"excel\":true}}", "csv.excel"));
        cases.add(unknown(cat, "BOM", csv + "{\"BOM\":true}}", "csv.BOM"));

        cat = "top-level unknown keys";
        for (String key : List.of(
                "extra",
                "Resources",
                "RESOURCES",
                "teamId",
                "team_id",
                "mode",
                "limit",
                "fields",
                "filters",
                "type",
                "__proto__",
                "constructor")) {
            cases.add(unknown(cat, key, "{\"resources\":[" + one + "]," + q(key) + ":1}", key));
        }
        cases.add(unknown(cat, "empty key", "{\"\":1,\"resources\":[" + one + "]}", "[\"\"]"));
        cases.add(unknown(cat, "key with a quote", "{\"a\\\"b\":1,\"resources\":[" + one + "]}", "[\"a\\\"b\"]"));
        cases.add(invalidJson(
                cat,
                "unknown key first, nested 40 deep",
                utf8("{\"x\":" + "[".repeat(40) + "1" + "]".repeat(40) + ",\"resources\":[" + one + "]}")));

        cat = "deep nesting";
        for (int depth : List.of(3, 20, 27)) {
            cases.add(invalid(
                    cat,
                    "filter list nested " + depth,
                    withFilter("tickets", "status", "[".repeat(depth) + "\"open\"" + "]".repeat(depth)),
                    "resources[0].filters.status[0]"));
        }
        for (int depth : List.of(29, 40, 1_000, 10_000)) {
            cases.add(invalidJson(
                    cat,
                    "filter list nested " + depth,
                    withFilter("tickets", "status", "[".repeat(depth) + "\"open\"" + "]".repeat(depth))
                            .getBytes(StandardCharsets.UTF_8)));
            cases.add(invalidJson(
                    cat,
                    "objects nested " + depth,
                    withFilter("tickets", "status", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        for (int depth : List.of(33, 1_000, 30_000)) {
            cases.add(invalidJson(
                    cat,
                    "whole body nested " + depth,
                    ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(tooLarge(cat, "70,000 levels", "[".repeat(70_000)));

        cat = "numbers";
        cases.add(invalidJson(
                cat,
                "a 5,000-digit number",
                ("{\"resources\":[{\"type\":\"articles\",\"filters\":" + "{\"isPublic\":" + "9".repeat(5_000) + "}}]}")
                        .getBytes(StandardCharsets.UTF_8)));
        cases.add(invalid(
                cat,
                "1e999999",
                "{\"resources\":[{\"type\":\"articles\",\"filters\":{\"isPublic\":1e999999}}]}",
                "resources[0].filters.isPublic"));
        cases.add(invalid(
                cat,
                "-0",
                "{\"resources\":[{\"type\":\"articles\",\"filters\":{\"isPublic\":-0}}]}",
                "resources[0].filters.isPublic"));
        return cases.stream();
    }

    private static final String VALID = "{\"resources\":[{\"type\":\"articles\",\"filters\":{\"status\":[\"draft\","
            + "\"published\"],\"createdAfter\":\"2025-01-01T00:00:00Z\"},\"fields\":[\"id\",\"title\"],\"cursor\":null}],"
            + "\"format\":\"json\"}";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** A body whose search filter holds {@code inside} as raw bytes. */
    private static byte[] withRawBytes(byte[] inside) {
        return join(
                utf8("{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"],\"filters\":{\"search\":\"a"),
                inside,
                utf8("b\"}}]}"));
    }

    static Stream<Case> malformedCases() {
        List<Case> cases = new ArrayList<>();
        String cat = "JSON cut short";
        byte[] valid = utf8(VALID);
        for (int length = 0; length < valid.length; length++) {
            cases.add(invalidJson(cat, "first " + length + " bytes", Arrays.copyOf(valid, length)));
        }
        cases.add(ok(cat, "the whole body (control)", VALID));

        cat = "trailing garbage";
        for (String tail : List.of(
                "x",
                "}",
                "]",
                ",",
                "{}",
                "[]",
                "null",
                "0",
                "\"x\"",
                "//c",
                "/*c*/",
                "#",
                "\u0000",
                ",{\"resources\":[]}",
                VALID)) {
            cases.add(invalidJson(cat, q(tail).substring(0, Math.min(q(tail).length(), 20)), utf8(VALID + tail)));
        }
        cases.add(ok(cat, "trailing white space is fine", VALID + " \r\n\t "));

        cat = "JSON syntax";
        for (String bad : List.of(
                "{'resources':[]}",
                "{resources:[]}",
                "{\"resources\":[,]}",
                "{\"resources\":[{\"type\":\"articles\"},]}",
                "{\"resources\":[{\"type\":\"articles\"}],}",
                "{/*c*/\"resources\":[]}",
                "// c\n{\"resources\":[]}",
                "{\"resources\":[{\"type\":'articles'}]}",
                "{\"resources\":[{\"type\":\"articles\",\"filters\":{\"isPublic\":NaN}}]}",
                "{\"resources\":[{\"type\":\"articles\",\"filters\":{\"isPublic\":Infinity}}]}",
                "{\"resources\":[{\"type\":\"articles\",\"filters\":{\"isPublic\":01}}]}",
                "{\"resources\":[{\"type\":\"articles\",\"filters\":{\"isPublic\":+1}}]}",
                "{\"resources\":[{\"type\":\"articles\",\"filters\":{\"isPublic\":TRUE}}]}",
                "{\"resources\":[{\"type\":\"art\u0001icles\"}]}",
                "{\"resources\":[{\"type\":\"articles\\x\"}]}",
                "{\"resources\":[{\"type\":\"articles\\u12\"}]}",
                "{\"resources\" [{}]}",
                "{\"resources\":[}",
                "\"resources\"",
                "[]",
                "null",
                "true",
                "42",
                "",
                " ",
                "\n",
                "{",
                "}",
                "{{}}",
                "{\"a\"}",
                "{\"resources\":[{\"type\":\"articles\"}]}{\"resources\":[]}",
                "{\"resources\":[{\"type\":\"articles\"}],\"resources\":[{\"type\":\"articles\"}]}",
                "{\"resources\":[{\"type\":\"articles\",\"type\":\"tickets\"}]}",
                "{\"resources\":[{\"type\":\"articles\"}],\"format\":\"json\",\"format\":\"csv\"}",
                "{\"resources\":[{\"type\":\"articles\",\"filters\":{\"\\ud800\":1}}]}")) {
            cases.add(invalidJson(cat, q(bad).substring(0, Math.min(q(bad).length(), 40)), utf8(bad)));
        }

        cat = "encoding";
        cases.add(body(cat, "UTF-8 byte-order mark", join(bytes(0xEF, 0xBB, 0xBF), utf8(VALID)), 200, null, null));
        cases.add(invalidJson(
                cat, "two UTF-8 byte-order marks", join(bytes(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF), utf8(VALID))));
        cases.add(invalidJson(cat, "a byte-order mark only", bytes(0xEF, 0xBB, 0xBF)));
        cases.add(invalidJson(
                cat, "byte-order mark after white space", join(utf8(" "), bytes(0xEF, 0xBB, 0xBF), utf8(VALID))));
        for (Charset charset : List.of(
                StandardCharsets.UTF_16,
                StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE,
                Charset.forName("UTF-32"),
                Charset.forName("UTF-32LE"))) {
            cases.add(invalidJson(cat, charset.name(), VALID.getBytes(charset)));
        }
        cases.add(invalidJson(
                cat,
                "UTF-16LE with a byte-order mark",
                join(bytes(0xFF, 0xFE), VALID.getBytes(StandardCharsets.UTF_16LE))));
        Map<String, byte[]> invalidUtf8 = new LinkedHashMap<>();
        invalidUtf8.put("lone continuation byte", bytes(0x80));
        invalidUtf8.put("lone 0xBF", bytes(0xBF));
        invalidUtf8.put("overlong slash C0 AF", bytes(0xC0, 0xAF));
        invalidUtf8.put("overlong NUL C0 80", bytes(0xC0, 0x80));
        invalidUtf8.put("overlong E0 80 AF", bytes(0xE0, 0x80, 0xAF));
        invalidUtf8.put("overlong F0 80 80 AF", bytes(0xF0, 0x80, 0x80, 0xAF));
        invalidUtf8.put("encoded surrogate ED A0 80", bytes(0xED, 0xA0, 0x80));
        invalidUtf8.put("past U+10FFFF F4 90 80 80", bytes(0xF4, 0x90, 0x80, 0x80));
        invalidUtf8.put("F5", bytes(0xF5, 0x80, 0x80, 0x80));
        invalidUtf8.put("F8 five bytes", bytes(0xF8, 0x88, 0x80, 0x80, 0x80));
        invalidUtf8.put("FE", bytes(0xFE));
        invalidUtf8.put("FF", bytes(0xFF));
        invalidUtf8.put("truncated E2 82", bytes(0xE2, 0x82));
        invalidUtf8.put("lead byte then ASCII C3 28", bytes(0xC3, 0x28));
        invalidUtf8.put("latin-1 e acute", bytes(0xE9));
        invalidUtf8.put("CESU-8 pair", bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80));
        invalidUtf8.forEach((name, raw) -> cases.add(invalidJson("invalid UTF-8", name, withRawBytes(raw))));
        cases.add(invalidJson(
                "invalid UTF-8", "in a key", join(utf8("{\"res"), bytes(0xC0, 0xAF), utf8("ources\":[]}"))));
        cases.add(invalidJson(
                "invalid UTF-8", "between tokens", join(utf8("{"), bytes(0xA0), utf8("\"resources\":[]}"))));
        cases.add(body(
                "invalid UTF-8",
                "valid 4-byte UTF-8 (control)",
                withRawBytes(bytes(0xF0, 0x9F, 0x98, 0x80)),
                200,
                null,
                null));
        return cases.stream();
    }

    static Stream<Case> transportCases() {
        List<Case> cases = new ArrayList<>();
        String small = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";
        byte[] body = utf8(small);
        final String contentTypeCat = "Content-Type";
        String cat = contentTypeCat;
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("application/json", 200);
        types.put("APPLICATION/JSON", 200);
        types.put("application/json;charset=UTF-8", 200);
        types.put("application/json; charset=\"utf-8\"", 200);
        types.put("application/json; foo=bar", 200);
        types.put("application/json;", 200);
        types.put(" application/json ", 200);
        for (String refused : List.of(
                "",
                "text/plain",
                "text/json",
                "application/xml",
                "application/jsonx",
                "application/*",
                "*/*",
                "application/problem+json",
                "application/vnd.api+json",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/octet-stream",
                "application/json; charset=utf8",
                "application/json; charset=utf-16",
                "application/json; charset=latin1",
                "application/json; charset",
                "application/json; charset=utf-8; charset=latin1",
                "application/json, text/plain",
                "application/json\tcharset=utf-8",
                "application/json; charset=\"",
                "json",
                "application",
                "/",
                ";",
                "application/json/extra")) {
            types.put(refused, 415);
        }
        types.forEach((type, status) -> cases.add(new Case(
                contentTypeCat,
                q(type),
                "POST",
                PATH,
                KEY,
                type,
                body,
                false,
                status,
                status == 200 ? null : "unsupported_media_type",
                null)));
        cases.add(new Case(cat, "none", "POST", PATH, KEY, null, body, false, 415, "unsupported_media_type", null));
        for (String type : List.of("application/json, text/plain", "application/json\tcharset=utf-8", "text/plain")) {
            cases.add(new Case(
                    cat,
                    "stranger with " + q(type),
                    "POST",
                    PATH,
                    "sk_live_" + "s".repeat(30),
                    type,
                    body,
                    false,
                    401,
                    "invalid_api_key",
                    null));
            cases.add(new Case(
                    cat,
                    "agent with " + q(type),
                    "POST",
                    PATH,
                    DemoDataset.AGENT_SECRET_KEY,
                    type,
                    body,
                    false,
                    403,
                    "insufficient_permissions",
                    null));
        }

        cat = "body size";
        String head = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";
        String exact = head.substring(0, head.length() - 1) + " ".repeat(65_536 - head.length()) + "}";
        cases.add(ok(cat, "exactly 65,536 bytes", exact));
        cases.add(tooLarge(cat, "65,537 bytes", exact + " "));
        cases.add(tooLarge(cat, "1 MiB", exact + " ".repeat(1 << 20)));
        cases.add(new Case(
                cat,
                "exactly 65,536 bytes, chunked",
                "POST",
                PATH,
                KEY,
                JSON_TYPE,
                utf8(exact),
                true,
                200,
                null,
                null));
        cases.add(new Case(
                cat,
                "65,537 bytes, chunked",
                "POST",
                PATH,
                KEY,
                JSON_TYPE,
                utf8(exact + " "),
                true,
                413,
                "payload_too_large",
                null));
        cases.add(new Case(
                cat,
                "2 MiB, chunked",
                "POST",
                PATH,
                KEY,
                JSON_TYPE,
                utf8(exact + " ".repeat(2 << 20)),
                true,
                413,
                "payload_too_large",
                null));
        cases.add(new Case(cat, "empty", "POST", PATH, KEY, JSON_TYPE, new byte[0], false, 400, "invalid_json", null));
        cases.add(
                new Case(cat, "no body at all", "POST", PATH, KEY, JSON_TYPE, null, false, 400, "invalid_json", null));

        cat = "methods";
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FOO", "PROPFIND")) {
            boolean bodiless = method.equals("HEAD") || method.equals("OPTIONS");
            cases.add(new Case(
                    cat,
                    method,
                    method,
                    PATH,
                    KEY,
                    bodiless ? null : JSON_TYPE,
                    bodiless ? null : body,
                    false,
                    405,
                    "method_not_allowed",
                    null));
        }
        cases.add(new Case(
                cat, "GET with no key", "GET", PATH, null, null, null, false, 405, "method_not_allowed", null));

        cat = "paths";
        Map<String, Integer> paths = new LinkedHashMap<>();
        paths.put(PATH + "/", 200);
        paths.put("/" + PATH, 200);
        paths.put(PATH + "?format=csv&limit=1", 200);
        paths.put(PATH + ";jsessionid=1", 200);
        paths.put("/api/v1/teams/" + DEMO_TEAM + "/./export", 200);
        paths.put("/api/v1/teams/" + Api.OTHER_TEAM + "/../" + DEMO_TEAM + "/export", 200);
        paths.put("/api/v1/teams/" + DEMO_TEAM.toUpperCase() + "/export", 200);
        paths.put("/api/v1/teams/" + DEMO_TEAM + "/exports", 404);
        paths.put("/api/v1/teams/" + DEMO_TEAM + "/export/x", 404);
        paths.put("/api/v1/teams/" + DEMO_TEAM, 404);
        paths.put("/api/v1/teams//export", 404);
        paths.put("/api/v1/teams/%2e%2e/export", 404);
        paths.put("/api/v1/teams/" + DEMO_TEAM + "%2Fexport", 404);
        paths.put("/API/V1/teams/" + DEMO_TEAM + "/export", 404);
        paths.put("/api/v2/teams/" + DEMO_TEAM + "/export", 404);
        paths.put("/", 404);
        paths.put("/api", 404);
        paths.put("/q/nope", 404);
        paths.put("/api/v1/teams/not-a-uuid/export", 400);
        paths.put("/api/v1/teams/" + DEMO_TEAM + "%00/export", 400);
        paths.put("/api/v1/teams/%E2%82%AC/export", 400);
        paths.put("/api/v1/teams/" + DEMO_TEAM.replace('-', '_') + "/export", 400);
        paths.put("/api/v1/teams/" + DEMO_TEAM.substring(1) + "/export", 400);
        paths.put("/api/v1/teams/" + "a".repeat(3000) + "/export", 400);
        paths.put("/api/v1/teams/' OR '1'='1/export", 400);
        paths.forEach((path, status) -> cases.add(new Case(
                "paths",
                path.substring(0, Math.min(path.length(), 80)),
                "POST",
                path.replace(" ", "%20").replace("'", "%27"),
                KEY,
                JSON_TYPE,
                body,
                false,
                status,
                switch (status) {
                    case 200 -> null;
                    case 404 -> "resource_missing";
                    default -> "parameter_invalid";
                },
                status == 400 ? "teamId" : null)));
        return cases.stream();
    }

    static Stream<Case> allCases() {
        return Stream.of(filterCases(), resourceCases(), topLevelCases(), malformedCases(), transportCases())
                .flatMap(s -> s);
    }

    /** The categories of hostile input, for the counts in docs/reliability.md. */
    static String group(String category) {
        if (category.startsWith("filter ")) {
            return category.endsWith(" unknown") ? "unknown filter keys" : "filter values";
        }
        if (category.startsWith("resources[i]")) {
            return "resource fields (type, fields, cursor, filters, unknown keys)";
        }
        return switch (category) {
            case "resources", "format", "csv", "top-level unknown keys" -> "top-level fields";
            case "deep nesting", "numbers" -> "deep nesting and huge numbers";
            case "JSON cut short", "trailing garbage", "JSON syntax" -> "malformed JSON";
            case "encoding", "invalid UTF-8" -> "byte-order marks, encodings, invalid UTF-8";
            default -> category;
        };
    }

    @Test
    void theCatalogueCoversEveryCategory() {
        Map<String, long[]> groups = new TreeMap<>();
        allCases().forEach(c -> {
            long[] counts = groups.computeIfAbsent(group(c.category()), k -> new long[2]);
            counts[c.status() == 200 ? 0 : 1]++;
        });
        StringBuilder line = new StringBuilder("HostileInputTest catalogue:");
        long total = 0;
        for (Map.Entry<String, long[]> g : groups.entrySet()) {
            line.append(" [")
                    .append(g.getKey())
                    .append(": ")
                    .append(g.getValue()[0] + g.getValue()[1])
                    .append(" (")
                    .append(g.getValue()[0])
                    .append(" accepted, ")
                    .append(g.getValue()[1])
                    .append(" refused)]");
            total += g.getValue()[0] + g.getValue()[1];
        }
        System.out.println(line.append(" total=").append(total));
        assertThat(groups.keySet())
                .contains(
                        "filter values",
                        "unknown filter keys",
                        "top-level fields",
                        "deep nesting and huge numbers",
                        "malformed JSON",
                        "byte-order marks, encodings, invalid UTF-8",
                        "Content-Type",
                        "body size",
                        "methods",
                        "paths");
        assertThat(groups.values()).allSatisfy(counts -> assertThat(counts[1]).isPositive());
    }

    // ------------------------------------------------------------------------------------------- the test

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void eachHostileRequestGetsItsDocumentedAnswer(Case c) {
        HostileHttp.Answer answer = c.chunked()
                ? sendChunked(c)
                : HostileHttp.send(base, c.method(), c.path(), c.key(), c.contentType(), c.body());
        assertThat(answer.status())
                .as("never a server error: %s", answer.text())
                .isLessThan(500);
        if (c.status() == 200) {
            assertThat(answer.status()).as("%s", answer.text()).isEqualTo(200);
            assertThat(answer.header("content-type")).matches("application/json|text/csv.*");
            if (answer.header("content-type").startsWith("application/json")) {
                JsonNode root = answer.json();
                assertThat(root.get("success").asBoolean()).isTrue();
            }
            return;
        }
        if (c.method().equals("HEAD")) {
            assertThat(answer.status()).isEqualTo(c.status());
            assertThat(answer.body()).isEmpty();
        } else {
            HostileHttp.assertError(answer, c.status(), c.code(), c.param());
        }
        if (c.status() == 405) {
            assertThat(answer.header("allow")).isEqualTo("POST");
        }
    }

    private HostileHttp.Answer sendChunked(Case c) {
        // an InputStream publisher has no known length: the client sends Transfer-Encoding: chunked
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + c.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + c.key())
                .header("Content-Type", c.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body())))
                .build();
        try {
            HttpResponse<byte[]> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v));
            return new HostileHttp.Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------- raw HTTP

    private HostileHttp.RawAnswer raw(String request) {
        return HostileHttp.raw(base, request.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(5));
    }

    private static String request(String method, String path, String extraHeaders, String body) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + KEY + "\r\nContent-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void methodsTheHttpClientWillNotSendAre405WithAllowPost() {
        for (String method : List.of("TRACE", "CONNECT", "MKCOL", "X-CUSTOM")) {
            HostileHttp.RawAnswer answer = raw(request(method, PATH, "", ""));
            assertThat(answer.status()).as(method + ": " + answer.text()).isEqualTo(405);
            assertThat(answer.header("Allow")).isEqualTo("POST");
            assertThat(answer.body()).contains("\"code\":\"method_not_allowed\"");
        }
    }

    @Test
    void pathsThatDecodeToNonsenseGetTheEnvelope() {
        for (String path : List.of(
                "/api/v1/teams/%C3%28/export",
                "/api/v1/teams/%FF%FE/export",
                "/api/v1/teams/%E2%80%AE" + DEMO_TEAM + "/export",
                "/api/v1/teams/%0D%0AX-Injected:%201/export")) {
            HostileHttp.RawAnswer answer = raw(request("POST", path, "", "{}"));
            assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(answer.body())
                    .as(path)
                    .contains("\"code\":\"parameter_invalid\"")
                    .contains("\"param\":\"teamId\"");
            assertThat(answer.header("X-Request-Id")).as(path).startsWith("req_");
            assertThat(answer.header("X-Injected")).isNull();
        }
    }

    @Test
    void hostileAuthorizationHeaders() {
        String small = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("Bearer " + "a".repeat(10_000), "invalid_key_format");
        refused.put("Bearer sk_live_" + "a".repeat(129), "invalid_key_format");
        refused.put("Bearer\t" + KEY, "authentication_required");
        refused.put("Bearer " + KEY + " extra", "authentication_required");
        refused.put("Bearer " + KEY + "," + KEY, "invalid_key_format");
        refused.put("Bearer sk_live_\u00d0\u00ba\u00d0\u00bbOWNRdemo7Qx2Lp9Vt4Kw8N", "invalid_key_format");
        refused.put("Bearer " + KEY.replace("OWNR", "OWNR' OR '1'='1"), "authentication_required");
        refused.put("Bearer " + KEY.toUpperCase(), "invalid_key_format");
        refused.put("Bearer " + KEY.substring(0, KEY.length() - 1) + "X", "invalid_api_key");
        refused.forEach((header, code) -> {
            HostileHttp.RawAnswer answer = HostileHttp.raw(
                    base,
                    ("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Connection: close\r\nAuthorization: " + header
                                    + "\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + small.length() + "\r\n\r\n" + small)
                            .getBytes(StandardCharsets.ISO_8859_1),
                    Duration.ofSeconds(5));
            assertThat(answer.status())
                    .as(header.substring(0, Math.min(40, header.length())))
                    .isEqualTo(401);
            assertThat(answer.body()).contains("\"code\":\"" + code + "\"").doesNotContain("OWNRdemo7Qx2");
        });
        for (String header : List.of("bearer " + KEY, "BEARER " + KEY, "Bearer   " + KEY + "  ")) {
            assertThat(HostileHttp.raw(
                                    base,
                                    ("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                                    + "Authorization: " + header
                                                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                                                    + small.length() + "\r\n\r\n" + small)
                                            .getBytes(StandardCharsets.ISO_8859_1),
                                    Duration.ofSeconds(5))
                            .status())
                    .as(header)
                    .isEqualTo(200);
        }
    }

    /**
     * Limits of the HTTP server itself, met before any code of the service runs: a request line over 4 KiB, headers
     * over 20 KiB, and bytes that are not HTTP. They get a 4xx with no body and the connection closed (documented
     * in docs/reliability.md as a known limit); never a 5xx, never a hang.
     */
    @Test
    void theHttpServersOwnLimitsAnswer4xxAndClose() {
        assertThat(raw(request("POST", "/api/v1/teams/" + "a".repeat(9_000) + "/export", "", "{}"))
                        .status())
                .isEqualTo(414);
        assertThat(raw(request("POST", PATH, "X-Big: " + "b".repeat(30_000) + "\r\n", "{}"))
                        .status())
                .isEqualTo(431);
        // a URI that java.net.URI refuses is answered by Quarkus's outermost handler, before any route
        for (String path : List.of(
                "/api/v1/teams/%ZZ/export",
                "/api/v1/teams/%/export",
                "/api/v1/teams/a b/export",
                "/api/v1/teams/\u0001/export",
                "/api/v1/teams/\u00e9/export")) {
            HostileHttp.RawAnswer answer = raw(request("POST", path, "", "{}"));
            assertThat(answer.status()).as(path).isEqualTo(400);
        }
        // the HTTP decoder skips control characters before a request line, as it skips CRLFs: no answer yet
        HostileHttp.RawAnswer binary = raw("\u0000\u0001\u0002\r\n\r\n");
        assertThat(binary.status() == 400 || binary.bytes().length == 0)
                .as("binary junk: %s", binary.text())
                .isTrue();
        for (String garbage : List.of(
                "GARBAGE\r\n\r\n",
                "GET /\r\n\r\n",
                "POST " + PATH
                        + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}}",
                "POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}")) {
            HostileHttp.RawAnswer answer = raw(garbage);
            assertThat(answer.status()).as(garbage).isEqualTo(400);
        }
    }
}
