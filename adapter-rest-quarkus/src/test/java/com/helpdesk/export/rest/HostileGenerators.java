package com.helpdesk.export.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.FilterDefinition;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.policy.FormatPolicy;
import com.helpdesk.export.rest.web.error.HttpErrors;
import com.helpdesk.export.rest.web.request.RequestBodyReader;
import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Gens;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request bodies generated from the API's rules for the body, filters and fields: valid ones, structurally hostile ones
 * (every key the API knows and some it does not, with values of every JSON type), and valid ones with their bytes
 * mutated. Used by the properties on the body reader and, through {@link #samples}, by the HTTP suite. Seeded
 * generators of test-support: the same seed gives the same bodies.
 */
final class HostileGenerators {

    static final int MAX_BODY_BYTES = 65_536;

    private HostileGenerators() {}

    // ---------------------------------------------------------------- the body reader, outside Quarkus

    /** The service's body reader, wired by hand as Quarkus wires it (64 KiB limit). */
    static RequestBodyReader reader() {
        RestSettings settings =
                new RestSettings(MAX_BODY_BYTES, "https://docs.example/errors", 5, Duration.ofSeconds(1));
        return new RequestBodyReader(settings);
    }

    /** What the service must answer to a body, as far as the body decides it: 200, or one error. */
    record Outcome(int status, ErrorCode code, String param, String message) {
        static Outcome ok() {
            return new Outcome(200, null, null, null);
        }

        boolean accepted() {
            return status == 200;
        }
    }

    /**
     * Reads a body as the service does (media type JSON), then applies the format policy. Any exception other
     * than the domain's {@link ExportException} is a bug and is thrown.
     */
    static Outcome outcome(RequestBodyReader reader, byte[] body) {
        try {
            ExportRequest request = reader.read("application/json", new ByteArrayInputStream(body));
            new FormatPolicy().decide(request).orThrow();
            return Outcome.ok();
        } catch (ExportException e) {
            return new Outcome(HttpErrors.status(e.code()), e.code(), e.param(), e.getMessage());
        }
    }

    /** Reads a body as the changes call does (media type JSON). */
    static Outcome changesOutcome(RequestBodyReader reader, byte[] body) {
        try {
            reader.readChanges("application/json", new ByteArrayInputStream(body));
            return Outcome.ok();
        } catch (ExportException e) {
            return new Outcome(HttpErrors.status(e.code()), e.code(), e.param(), e.getMessage());
        }
    }

    private static final Set<ErrorCode> BODY_CODES = Set.of(
            ErrorCode.INVALID_JSON,
            ErrorCode.PAYLOAD_TOO_LARGE,
            ErrorCode.PARAMETER_MISSING,
            ErrorCode.PARAMETER_INVALID,
            ErrorCode.PARAMETER_UNKNOWN);

    /** A body may only ever be answered with the contract's body errors, each in its documented shape. */
    static void assertDocumented(Outcome outcome) {
        if (outcome.accepted()) {
            return;
        }
        if (!BODY_CODES.contains(outcome.code())) {
            throw new AssertionError("a body error outside the contract: " + outcome);
        }
        if (outcome.message() == null || outcome.message().isBlank()) {
            throw new AssertionError("an error without a message: " + outcome);
        }
        boolean fieldError = outcome.code() == ErrorCode.PARAMETER_MISSING
                || outcome.code() == ErrorCode.PARAMETER_INVALID
                || outcome.code() == ErrorCode.PARAMETER_UNKNOWN;
        if (fieldError && (outcome.param() == null || outcome.param().isEmpty())) {
            throw new AssertionError("a field error must name its field: " + outcome);
        }
        if (!fieldError && outcome.param() != null) {
            throw new AssertionError("a whole-body error names no field: " + outcome);
        }
        for (String leak : List.of(
                "Feature",
                "`Json",
                "`Stream",
                "jackson",
                "Jackson",
                "com.fasterxml",
                "REDACTED",
                "Exception",
                "StreamRead",
                "JsonRead",
                "[Source")) {
            if (outcome.message().contains(leak)) {
                throw new AssertionError("the message leaks '" + leak + "': " + outcome);
            }
        }
    }

    // ---------------------------------------------------------------- sampling outside a property

    /** {@code count} values of {@code gen}, always the same ones for the same name (for tests outside a property). */
    static <T> List<T> samples(Gen<T> gen, String name, int count) {
        return Gens.samples(gen, name, count);
    }

    // ---------------------------------------------------------------- the contract's vocabulary

    static final List<String> TOP_KEYS = List.of("resources", "format", "csv");
    static final List<String> RESOURCE_KEYS = List.of("type", "filters", "fields", "cursor");
    static final List<String> TYPES =
            Arrays.stream(ResourceType.values()).map(ResourceType::wireName).toList();

    static final List<String> ALL_FILTERS = Arrays.stream(ResourceType.values())
            .flatMap(t -> t.filters().keySet().stream())
            .distinct()
            .toList();
    static final List<String> ALL_FIELDS = Arrays.stream(ResourceType.values())
            .flatMap(t -> t.fields().stream().map(f -> f.name()))
            .distinct()
            .toList();

    private static Gen<String> hex(int length) {
        return Gens.strings(Gens.charsOf("0123456789abcdef"), length, length);
    }

    /**
     * Strings a careless or hostile caller sends: contract words slightly off, injections, odd Unicode (lone
     * surrogates, NUL, controls), texts near the 200-character limit.
     */
    static Gen<String> junkStrings() {
        return Gens.oneOf(
                Gens.of(
                        "",
                        " ",
                        "tickets ",
                        "Tickets",
                        "TICKETS",
                        "ticket",
                        "json ",
                        "CSV",
                        "xml",
                        "open ",
                        "OPEN",
                        "nul\u0000l",
                        "\u0000",
                        "' OR '1'='1",
                        "'; DROP TABLE tickets; --",
                        "%",
                        "_",
                        "\\",
                        "\uFEFF",
                        "\u202Eevil",
                        "\uD83D\uDE00",
                        "\uD800",
                        "\uDC00",
                        "tkt_",
                        "cus_",
                        "cus_123",
                        "cus_" + "0".repeat(31),
                        "cus_" + "A".repeat(32),
                        "mem_" + "0".repeat(33),
                        "00000000-0000-0000-0000-00000000000g",
                        "2025-01-01",
                        "2025-01-01T00:00:00",
                        "2025-02-30T00:00:00Z",
                        "0000-01-01T00:00:00Z",
                        "+10000-01-01T00:00:00Z",
                        "2025-01-01T00:00:00+25:00",
                        "yesterday",
                        "true",
                        "null",
                        "1e309",
                        "-0",
                        "NaN"),
                Gens.anyStrings(0, 40),
                Gens.anyStrings(190, 230),
                Gens.strings(Gens.chars(' ', '~'), 0, 30));
    }

    /** Any JSON value, nested at most {@code depth} levels. */
    static Gen<Object> anyJson(int depth) {
        Gen<Object> scalar = Gens.oneOf(
                Gens.constant(null),
                Gens.booleans(),
                Gens.anyInt(),
                Gens.anyLong(),
                Gens.anyFiniteDouble(),
                Gens.bigIntegers(java.math.BigInteger.TEN.pow(40).negate(), java.math.BigInteger.TEN.pow(40)),
                junkStrings(),
                Gens.of(TYPES),
                Gens.of(ALL_FIELDS));
        if (depth <= 0) {
            return scalar;
        }
        Gen<Object> list = anyJson(depth - 1).list(0, 4).map(l -> (Object) l);
        Gen<Object> map = Gens.maps(Gens.oneOf(Gens.of(ALL_FILTERS), junkStrings()), anyJson(depth - 1), 0, 4)
                .map(m -> (Object) m);
        return Gens.frequency(Gens.weight(6, scalar), Gens.weight(2, list), Gens.weight(2, map));
    }

    // ---------------------------------------------------------------- valid requests

    /** A valid value for one filter. */
    static Gen<Object> validFilterValue(FilterDefinition definition) {
        return switch (definition.kind()) {
            case ANY_OF ->
                Gens.oneOf(
                        Gens.of(definition.allowedValues()),
                        Gens.of(definition.allowedValues())
                                .set(1, definition.allowedValues().size())
                                .map(s -> (Object) new ArrayList<>(s)));
            case ID_EQUALS ->
                Gens.oneOf(
                        hex(32).map(h -> (Object) (definition.idPrefix() + h)),
                        Gens.uuids().map(u -> (Object) u.toString()));
            case HAS_TAG ->
                Gens.strings(Gens.oneOf(Gens.chars('!', '~'), Gens.chars('\u00C0', '\u024F')), 1, 20)
                        .map(s -> (Object) s);
            case SEARCH, TEXT_EQUALS ->
                Gens.strings(
                                Gens.oneOf(
                                        Gens.chars(' ', '~'),
                                        Gens.chars('\u00C0', '\u024F'),
                                        Gens.charsOf("%_\\'\"\n\t\u3042")),
                                1,
                                50)
                        .map(s -> (Object) s);
            case BOOLEAN_EQUALS -> Gens.booleans().map(b -> (Object) b);
            case AT_OR_AFTER, BEFORE -> {
                Gen<Long> seconds = Gens.longs(0, 4_102_444_800L);
                Gen<Integer> micros = Gens.ints(0, 999_999);
                Gen<Integer> offsetHours = Gens.ints(-18, 18);
                yield random -> Instant.ofEpochSecond(seconds.next(random), micros.next(random) * 1000L)
                        .atOffset(ZoneOffset.ofHours(offsetHours.next(random)))
                        .toString();
            }
        };
    }

    static Gen<Map<String, Object>> validResource(ResourceType type) {
        // every filter is drawn (or left out) independently
        List<FilterDefinition> definitions = new ArrayList<>(type.filters().values());
        List<Gen<Object>> values =
                definitions.stream().map(d -> validFilterValue(d).orNull(0.7)).toList();
        Gen<Map<String, Object>> filters = random -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < definitions.size(); i++) {
                Object value = values.get(i).next(random);
                if (value != null) {
                    map.put(definitions.get(i).name(), value);
                }
            }
            return map;
        };
        List<String> fieldNames = type.fields().stream().map(f -> f.name()).toList();
        Gen<List<String>> fields =
                Gens.of(fieldNames).uniqueList(1, fieldNames.size()).orNull(0.4);
        Gen<Boolean> nullCursors = Gens.booleans();
        return random -> {
            Map<String, Object> f = filters.next(random);
            List<String> selected = fields.next(random);
            boolean nullCursor = nullCursors.next(random);
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("type", type.wireName());
            if (!f.isEmpty()) {
                resource.put("filters", f);
            }
            if (selected != null) {
                resource.put("fields", new ArrayList<>(selected));
            }
            if (nullCursor) {
                resource.put("cursor", null);
            }
            return resource;
        };
    }

    /** Requests the contract accepts: 1 to 5 distinct types in JSON or XLSX, or one resource in CSV or NDJSON. */
    static Gen<Map<String, Object>> validRequests() {
        Gen<List<ResourceType>> types = Gens.of(ResourceType.values()).uniqueList(1, ResourceType.values().length);
        Map<ResourceType, Gen<Map<String, Object>>> resources = new java.util.EnumMap<>(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            resources.put(type, validResource(type));
        }
        Gen<String> formats = Gens.of("json", "csv", "ndjson", "xlsx", "default");
        Gen<Boolean> boms = Gens.booleans().orNull(0.3);
        return random -> {
            List<ResourceType> chosen = types.next(random);
            String f = formats.next(random);
            Boolean bom = boms.next(random);
            List<Map<String, Object>> list = new ArrayList<>();
            chosen.forEach(t -> list.add(resources.get(t).next(random)));
            // a format of one resource with several: the same resources as XLSX
            String format = (f.equals("csv") || f.equals("ndjson")) && chosen.size() > 1 ? "xlsx" : f;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("resources", list);
            if (!format.equals("default")) {
                body.put("format", format);
            }
            if (format.equals("csv") && bom != null) {
                body.put("csv", Map.of("bom", bom));
            }
            return body;
        };
    }

    static byte[] bytes(Object json) {
        try {
            return HostileHttp.JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- hostile bodies

    /**
     * Bodies shaped like the contract's, with every key's value drawn from every JSON type: the contract's words,
     * near misses, injections, odd Unicode, huge numbers, nested arrays and objects, and unknown keys.
     */
    static Gen<byte[]> structuredBodies() {
        List<Object> goodValues = new ArrayList<>();
        for (ResourceType t : ResourceType.values()) {
            t.filters().values().forEach(d -> goodValues.addAll(d.allowedValues()));
        }
        goodValues.addAll(List.of(
                "2025-01-01T00:00:00Z",
                "cus_0123456789abcdef0123456789abcdef",
                "mem_0123456789abcdef0123456789abcdef",
                "vip",
                "billing",
                true,
                false,
                List.of("open", "pending")));
        Gen<Object> filterValue = Gens.frequency(
                Gens.weight(4, Gens.of(goodValues)), Gens.weight(2, junkStrings()), Gens.weight(2, anyJson(2)));
        Gen<String> filterKey = Gens.frequency(Gens.weight(6, Gens.of(ALL_FILTERS)), Gens.weight(1, junkStrings()));
        Gen<Object> filters =
                Gens.frequency(Gens.weight(6, Gens.maps(filterKey, filterValue, 0, 3)), Gens.weight(1, anyJson(2)));
        Gen<Object> fields =
                Gens.oneOf(Gens.<Object>oneOf(Gens.of(ALL_FIELDS), anyJson(0)).list(0, 5), anyJson(1));
        Gen<Object> type = Gens.frequency(Gens.weight(6, Gens.of(TYPES)), Gens.weight(1, anyJson(1)));
        Gen<Object> cursor = Gens.oneOf(Gens.constant(null), junkStrings(), anyJson(1));
        Gen<Set<String>> resourceKeys = Gens.frequency(
                Gens.weight(8, Gens.subsetOf("filters", "fields", "cursor").map(keys -> {
                    keys.add("type");
                    return keys;
                })),
                Gens.weight(1, Gens.subsetOf(RESOURCE_KEYS)));
        Gen<Map<String, Object>> extras =
                Gens.<String, Object>maps(junkStrings(), anyJson(1), 0, 1).orNull(0.8);
        Gen<Map<String, Object>> resource = random -> {
            Set<String> keys = resourceKeys.next(random);
            Object t = type.next(random);
            Object f = filters.next(random);
            Object fl = fields.next(random);
            Object c = cursor.next(random);
            Map<String, Object> extra = extras.next(random);
            Map<String, Object> map = new LinkedHashMap<>();
            if (keys.contains("type")) {
                map.put("type", t);
            }
            if (keys.contains("filters")) {
                map.put("filters", f);
            }
            if (keys.contains("fields")) {
                map.put("fields", fl);
            }
            if (keys.contains("cursor")) {
                map.put("cursor", c);
            }
            if (extra != null) {
                extra.forEach(map::putIfAbsent);
            }
            return map;
        };
        Gen<Object> resources = Gens.frequency(
                Gens.weight(
                        8,
                        Gens.<Object>frequency(Gens.weight(8, resource), Gens.weight(1, anyJson(1)))
                                .list(1, 4)),
                Gens.weight(1, anyJson(2)));
        Gen<Object> format = Gens.oneOf(Gens.of("json", "csv", "ndjson", "xlsx"), anyJson(1));
        Gen<Object> csv = Gens.oneOf(
                Gens.<Object>oneOf(Gens.booleans(), anyJson(0))
                        .map(b -> (Object) Map.of("bom", b == null ? "null" : b)),
                anyJson(1));
        Gen<Set<String>> topKeys = Gens.frequency(
                Gens.weight(8, Gens.subsetOf("format", "csv").map(keys -> {
                    keys.add("resources");
                    return keys;
                })),
                Gens.weight(1, Gens.subsetOf(TOP_KEYS)));
        return random -> {
            Set<String> keys = topKeys.next(random);
            Object r = resources.next(random);
            Object f = format.next(random);
            Object c = csv.next(random);
            Map<String, Object> extra = extras.next(random);
            Map<String, Object> body = new LinkedHashMap<>();
            if (keys.contains("resources")) {
                body.put("resources", r);
            }
            if (keys.contains("format")) {
                body.put("format", f);
            }
            if (keys.contains("csv")) {
                body.put("csv", c);
            }
            if (extra != null) {
                extra.forEach(body::putIfAbsent);
            }
            return bytes(body);
        };
    }

    private static final byte[] SIGNIFICANT = "{}[]\":,\\ 0n-.eE\u0000".getBytes(StandardCharsets.ISO_8859_1);

    /** Valid bodies with one to four byte-level mutations: deleted, inserted, replaced, cut, repeated bytes. */
    static Gen<byte[]> mutatedBodies() {
        Gen<byte[]> valid = validRequests().map(HostileGenerators::bytes);
        Gen<Integer> kind = Gens.ints(0, 5);
        Gen<Double> where = Gens.oneOf(Gens.doubles(0, 1), Gens.constant(1.0));
        Gen<Byte> insert = Gens.oneOf(Gens.of(toObjects(SIGNIFICANT)), Gens.bytes());
        Gen<List<Object[]>> mutations = ((Gen<Object[]>)
                        random -> new Object[] {kind.next(random), where.next(random), insert.next(random)})
                .list(1, 4);
        return random -> {
            byte[] out = valid.next(random);
            for (Object[] m : mutations.next(random)) {
                out = mutate(out, (Integer) m[0], (Double) m[1], (Byte) m[2]);
            }
            return out;
        };
    }

    private static Byte[] toObjects(byte[] bytes) {
        Byte[] out = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i];
        }
        return out;
    }

    private static byte[] mutate(byte[] in, int kind, double where, byte value) {
        int at = (int) Math.min(in.length - 1L, Math.max(0, Math.round(where * (in.length - 1))));
        if (in.length == 0) {
            return new byte[] {value};
        }
        return switch (kind) {
            case 0 -> concat(Arrays.copyOfRange(in, 0, at), Arrays.copyOfRange(in, at + 1, in.length));
            case 1 -> concat(Arrays.copyOfRange(in, 0, at), new byte[] {value}, Arrays.copyOfRange(in, at, in.length));
            case 2 -> {
                byte[] out = in.clone();
                out[at] = value;
                yield out;
            }
            case 3 -> Arrays.copyOfRange(in, 0, at);
            case 4 ->
                concat(
                        Arrays.copyOfRange(in, 0, at),
                        Arrays.copyOfRange(in, at, Math.min(in.length, at + 8)),
                        Arrays.copyOfRange(in, at, in.length));
            default -> concat(in, new byte[] {value});
        };
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Arbitrary bytes, short and long, sometimes starting like JSON. */
    static Gen<byte[]> randomBytes() {
        Gen<byte[]> any = Gens.byteArrays(0, 300);
        return Gens.oneOf(
                any,
                any.map(b -> concat("{\"resources\":".getBytes(StandardCharsets.UTF_8), b)),
                any.map(b -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b)));
    }
}
