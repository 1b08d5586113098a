package com.helpdesk.export.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.FilterDefinition;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.policy.FormatPolicy;
import com.helpdesk.export.rest.config.ExportSettings;
import com.helpdesk.export.rest.web.HttpErrors;
import com.helpdesk.export.rest.web.RequestBodyReader;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.math.BigInteger;
import java.util.HashSet;

/**
 * Request bodies generated from the contract (§1, §3, §4): valid ones, structurally hostile ones (every key of the
 * contract and some that are not, with values of every JSON type), and valid ones with their bytes mutated. Used by
 * the jqwik properties on the body reader and, through {@link #samples}, by the HTTP suite.
 */
final class HostileGenerators {

    static final int MAX_BODY_BYTES = 65_536;

    private HostileGenerators() {
    }

    // ---------------------------------------------------------------- the body reader, outside Quarkus

    /** The service's body reader, wired by hand as Quarkus wires it (same validator rules, 64 KiB limit). */
    static RequestBodyReader reader() {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        ExportSettings settings = (ExportSettings) Proxy.newProxyInstance(ExportSettings.class.getClassLoader(),
                new Class<?>[] {ExportSettings.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "maxBodyBytes" -> MAX_BODY_BYTES;
                    case "toString" -> "ExportSettings(test)";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new RequestBodyReader(validator, settings);
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

    private static final Set<ErrorCode> BODY_CODES = Set.of(ErrorCode.INVALID_JSON, ErrorCode.PAYLOAD_TOO_LARGE,
            ErrorCode.PARAMETER_MISSING, ErrorCode.PARAMETER_INVALID, ErrorCode.PARAMETER_UNKNOWN);

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
                || outcome.code() == ErrorCode.PARAMETER_INVALID || outcome.code() == ErrorCode.PARAMETER_UNKNOWN;
        if (fieldError && (outcome.param() == null || outcome.param().isEmpty())) {
            throw new AssertionError("a field error must name its field: " + outcome);
        }
        if (!fieldError && outcome.param() != null) {
            throw new AssertionError("a whole-body error names no field: " + outcome);
        }
        for (String leak : List.of("Feature", "`Json", "`Stream", "jackson", "Jackson", "com.fasterxml", "REDACTED",
                "Exception", "StreamRead", "JsonRead", "[Source")) {
            if (outcome.message().contains(leak)) {
                throw new AssertionError("the message leaks '" + leak + "': " + outcome);
            }
        }
    }

    // ---------------------------------------------------------------- sampling outside a jqwik property

    /** {@code count} values of {@code arbitrary}, the same ones for the same seed (for tests outside jqwik). */
    static <T> List<T> samples(Arbitrary<T> arbitrary, String seed, int count) {
        // jqwik seeds are numbers: a stable one from the name
        SourceOfRandomness.create(Long.toString(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits()));
        return arbitrary.sampleStream().limit(count).toList();
    }

    // ---------------------------------------------------------------- the contract's vocabulary

    static final List<String> TOP_KEYS = List.of("resources", "format", "csv");
    static final List<String> RESOURCE_KEYS = List.of("type", "filters", "fields", "cursor");
    static final List<String> TYPES = Arrays.stream(ResourceType.values()).map(ResourceType::wireName).toList();

    static final List<String> ALL_FILTERS = Arrays.stream(ResourceType.values())
            .flatMap(t -> t.filters().keySet().stream()).distinct().toList();
    static final List<String> ALL_FIELDS = Arrays.stream(ResourceType.values())
            .flatMap(t -> t.fields().stream().map(f -> f.name())).distinct().toList();

    private static Arbitrary<String> hex(int length) {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(length);
    }

    /** Strings a careless or hostile caller sends: contract words slightly off, injections, odd Unicode. */
    static Arbitrary<String> junkStrings() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "tickets ", "Tickets", "TICKETS", "ticket", "json ", "CSV", "xml", "open ",
                        "OPEN", "nul\u0000l", "\u0000", "' OR '1'='1", "'; DROP TABLE tickets; --", "%", "_", "\\",
                        "\uFEFF", "\u202Eevil", "\uD83D\uDE00", "\uD800", "\uDC00", "tkt_", "cus_", "cus_123",
                        "cus_" + "0".repeat(31), "cus_" + "A".repeat(32), "mem_" + "0".repeat(33),
                        "00000000-0000-0000-0000-00000000000g", "2025-01-01", "2025-01-01T00:00:00",
                        "2025-02-30T00:00:00Z", "0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                        "2025-01-01T00:00:00+25:00", "yesterday", "true", "null", "1e309", "-0", "NaN"),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMinLength(190).ofMaxLength(230),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30));
    }

    /** Any JSON value, nested at most {@code depth} levels. */
    static Arbitrary<Object> anyJson(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(),
                        BigInteger.TEN.pow(40)).map(b -> (Object) b),
                junkStrings().map(s -> (Object) s),
                Arbitraries.of(TYPES).map(s -> (Object) s),
                Arbitraries.of(ALL_FIELDS).map(s -> (Object) s));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<Object> list = anyJson(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(ALL_FILTERS), junkStrings()),
                anyJson(depth - 1)).ofMaxSize(4).map(m -> (Object) m);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalar),
                net.jqwik.api.Tuple.of(2, list),
                net.jqwik.api.Tuple.of(2, map));
    }

    // ---------------------------------------------------------------- valid requests

    /** A valid value for one filter (§3). */
    static Arbitrary<Object> validFilterValue(FilterDefinition definition) {
        return switch (definition.kind()) {
            case ANY_OF -> Arbitraries.oneOf(
                    Arbitraries.of(definition.allowedValues()).map(v -> (Object) v),
                    Arbitraries.of(definition.allowedValues()).set().ofMinSize(1)
                            .map(s -> (Object) new ArrayList<>(s)));
            case ID_EQUALS -> Arbitraries.oneOf(
                    hex(32).map(h -> (Object) (definition.idPrefix() + h)),
                    Arbitraries.create(UUID::randomUUID).map(u -> (Object) u.toString()));
            case HAS_TAG -> Arbitraries.strings().withCharRange('!', '~').withCharRange('\u00C0', '\u024F')
                    .ofMinLength(1).ofMaxLength(20).map(s -> (Object) s);
            case SEARCH, TEXT_EQUALS -> Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00C0', '\u024F')
                    .withChars('%', '_', '\\', '\'', '"', '\n', '\t', '\u3042')
                    .ofMinLength(1).ofMaxLength(50).map(s -> (Object) s);
            case BOOLEAN_EQUALS -> Arbitraries.of(true, false).map(b -> (Object) b);
            case AT_OR_AFTER, BEFORE -> Combinators.combine(
                    Arbitraries.longs().between(0, 4_102_444_800L),
                    Arbitraries.integers().between(0, 999_999),
                    Arbitraries.integers().between(-18, 18))
                    .as((seconds, micros, offsetHours) -> (Object) Instant.ofEpochSecond(seconds, micros * 1000L)
                            .atOffset(ZoneOffset.ofHours(offsetHours)).toString());
        };
    }

    static Arbitrary<Map<String, Object>> validResource(ResourceType type) {
        // no flatMap: every filter is drawn (or left out) independently, which keeps generation fast in properties
        List<FilterDefinition> definitions = new ArrayList<>(type.filters().values());
        List<Arbitrary<Object>> values = definitions.stream()
                .map(d -> validFilterValue(d).injectNull(0.7)).toList();
        Arbitrary<Map<String, Object>> filters = Combinators.combine(values).as(list -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < definitions.size(); i++) {
                if (list.get(i) != null) {
                    map.put(definitions.get(i).name(), list.get(i));
                }
            }
            return map;
        });
        List<String> fieldNames = type.fields().stream().map(f -> f.name()).toList();
        Arbitrary<List<String>> fields = Arbitraries.of(fieldNames).list().uniqueElements().ofMinSize(1)
                .ofMaxSize(fieldNames.size());
        return Combinators.combine(filters, fields.injectNull(0.4), Arbitraries.of(true, false))
                .as((f, selected, nullCursor) -> {
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
                });
    }

    /** Requests the contract accepts: 1 to 5 distinct types, JSON, or CSV with one resource. */
    static Arbitrary<Map<String, Object>> validRequests() {
        Arbitrary<List<ResourceType>> types = Arbitraries.of(ResourceType.values()).list().uniqueElements()
                .ofMinSize(1).ofMaxSize(ResourceType.values().length);
        Arbitrary<Map<ResourceType, Map<String, Object>>> resources = Combinators.combine(
                validResource(ResourceType.TICKETS), validResource(ResourceType.CUSTOMERS),
                validResource(ResourceType.ARTICLES), validResource(ResourceType.MESSAGES),
                validResource(ResourceType.MEMBERS))
                .as((tickets, customers, articles, messages, members) -> Map.of(ResourceType.TICKETS, tickets,
                        ResourceType.CUSTOMERS, customers, ResourceType.ARTICLES, articles,
                        ResourceType.MESSAGES, messages, ResourceType.MEMBERS, members));
        return Combinators.combine(types, resources, Arbitraries.of("json", "csv", "default"),
                Arbitraries.of(true, false).injectNull(0.3))
                .as((chosen, byType, f, bom) -> {
                    List<Map<String, Object>> list = new ArrayList<>();
                    chosen.forEach(t -> list.add(byType.get(t)));
                    String format = f.equals("csv") && chosen.size() > 1 ? "json" : f;
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("resources", list);
                    if (!format.equals("default")) {
                        body.put("format", format);
                    }
                    if (format.equals("csv") && bom != null) {
                        body.put("csv", Map.of("bom", bom));
                    }
                    return body;
                });
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
    static Arbitrary<byte[]> structuredBodies() {
        List<Object> goodValues = new ArrayList<>();
        for (ResourceType t : ResourceType.values()) {
            t.filters().values().forEach(d -> goodValues.addAll(d.allowedValues()));
        }
        goodValues.addAll(List.of("2025-01-01T00:00:00Z", "cus_0123456789abcdef0123456789abcdef",
                "mem_0123456789abcdef0123456789abcdef", "vip", "billing", true, false, List.of("open", "pending")));
        Arbitrary<Object> filterValue = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(goodValues)),
                net.jqwik.api.Tuple.of(2, junkStrings().map(s -> (Object) s)),
                net.jqwik.api.Tuple.of(2, anyJson(2)));
        Arbitrary<String> filterKey = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.of(ALL_FILTERS)),
                net.jqwik.api.Tuple.of(1, junkStrings()));
        Arbitrary<Object> filters = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.maps(filterKey, filterValue).ofMaxSize(3).map(m -> (Object) m)),
                net.jqwik.api.Tuple.of(1, anyJson(2)));
        Arbitrary<Object> fields = Arbitraries.oneOf(
                Arbitraries.oneOf(Arbitraries.of(ALL_FIELDS).map(s -> (Object) s), anyJson(0)).list().ofMaxSize(5)
                        .map(l -> (Object) l),
                anyJson(1));
        Arbitrary<Object> type = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.of(TYPES).map(s -> (Object) s)),
                net.jqwik.api.Tuple.of(1, anyJson(1)));
        Arbitrary<Object> cursor = Arbitraries.oneOf(Arbitraries.just(null), junkStrings().map(s -> (Object) s),
                anyJson(1));
        Arbitrary<Set<String>> resourceKeys = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.subsetOf("filters", "fields", "cursor").map(s -> {
                    Set<String> keys = new HashSet<>(s);
                    keys.add("type");
                    return keys;
                })),
                net.jqwik.api.Tuple.of(1, Arbitraries.subsetOf(RESOURCE_KEYS)));
        Arbitrary<Map<String, Object>> resource = Combinators.combine(
                resourceKeys, type, filters, fields, cursor,
                Arbitraries.maps(junkStrings(), anyJson(1)).ofMaxSize(1).injectNull(0.8))
                .as((keys, t, f, fl, c, extra) -> {
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
                });
        Arbitrary<Object> resources = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, resource.map(r -> (Object) r)),
                        net.jqwik.api.Tuple.of(1, anyJson(1))).list().ofMinSize(1).ofMaxSize(4).map(l -> (Object) l)),
                net.jqwik.api.Tuple.of(1, anyJson(2)));
        Arbitrary<Object> format = Arbitraries.oneOf(Arbitraries.of("json", "csv").map(s -> (Object) s), anyJson(1));
        Arbitrary<Object> csv = Arbitraries.oneOf(
                Arbitraries.oneOf(Arbitraries.of(true, false).map(b -> (Object) b), anyJson(0))
                        .map(b -> (Object) Map.of("bom", b == null ? "null" : b)),
                anyJson(1));
        Arbitrary<Set<String>> topKeys = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.subsetOf("format", "csv").map(s -> {
                    Set<String> keys = new HashSet<>(s);
                    keys.add("resources");
                    return keys;
                })),
                net.jqwik.api.Tuple.of(1, Arbitraries.subsetOf(TOP_KEYS)));
        return Combinators.combine(topKeys, resources, format, csv,
                Arbitraries.maps(junkStrings(), anyJson(1)).ofMaxSize(1).injectNull(0.8))
                .as((keys, r, f, c, extra) -> {
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
                });
    }

    private static final byte[] SIGNIFICANT = "{}[]\":,\\ 0n-.eE\u0000".getBytes(StandardCharsets.ISO_8859_1);

    /** Valid bodies with one to four byte-level mutations: deleted, inserted, replaced, cut, repeated bytes. */
    static Arbitrary<byte[]> mutatedBodies() {
        Arbitrary<byte[]> valid = validRequests().map(HostileGenerators::bytes);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 5);
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<Byte> insert = Arbitraries.oneOf(Arbitraries.of(toObjects(SIGNIFICANT)), Arbitraries.bytes());
        Arbitrary<List<Object[]>> mutations = Combinators.combine(kind, where, insert)
                .as((k, w, b) -> new Object[] {k, w, b}).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(valid, mutations).as((body, list) -> {
            byte[] out = body;
            for (Object[] m : list) {
                out = mutate(out, (Integer) m[0], (Double) m[1], (Byte) m[2]);
            }
            return out;
        });
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
            case 4 -> concat(Arrays.copyOfRange(in, 0, at), Arrays.copyOfRange(in, at, Math.min(in.length, at + 8)),
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
    static Arbitrary<byte[]> randomBytes() {
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.oneOf(any, any.map(b -> concat("{\"resources\":".getBytes(StandardCharsets.UTF_8), b)),
                any.map(b -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b)));
    }
}
