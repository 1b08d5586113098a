package com.helpdesk.export.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.Cursor;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Cursor tokens made by hand, structurally plausible but hostile in one or more parts, sent through the whole HTTP
 * stack for every resource type: times on both sides of what PostgreSQL's {@code timestamptz} can hold (its first
 * and last microsecond, one past, the ends of a {@code long}, zero, negative), odd spellings of the id (upper case,
 * no dashes, braces, extra dashes, nil, too long), other types' and unknown type names, separators added or missing,
 * other versions, base64 padding and characters outside base64url. Every answer is 200 or 400
 * {@code parameter_invalid} naming {@code resources[0].cursor} with the message of every invalid cursor; never a 5xx.
 *
 * <p>What each token should get is worked out from how it was made, not by asking the service's own decoder, so that
 * a token the decoder wrongly lets through to SQL shows up as a failure rather than as a new expectation.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(HostileSuiteProfile.class)
class HostileCursorHttpTest {

    private static final String PARAM = "resources[0].cursor";

    /** PostgreSQL's first instant, 4714-11-24 00:00:00 BC (UTC), in microseconds since 1970. */
    private static final long FIRST_STORED_MICROS = -210_866_803_200_000_000L;

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final List<ResourceType> TYPES = List.of(ResourceType.values());

    @TestHTTPResource("/")
    URL base;

    /** What the service must answer to a token. */
    enum Expect {
        ACCEPTED,
        REFUSED,
        /** a spelling the contract leaves open (base64 padding, a number written with a plus sign): 200 or 400 */
        EITHER
    }

    /** A hand-made token for a request of {@code type}, how it was made, and the answer it must get. */
    record Case(ResourceType type, String token, String how, Expect expect) {}

    // ---------------------------------------------------------------- the edges, for every type

    @Test
    void timesAtAndPastTheEdgesOfTheDatabasesRangeAreAnswered200Or400() {
        String id = "0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8";
        Map<String, Expect> times = new LinkedHashMap<>();
        times.put(Long.toString(FIRST_STORED_MICROS), Expect.ACCEPTED);
        times.put(Long.toString(FIRST_STORED_MICROS + 1), Expect.ACCEPTED);
        times.put(Long.toString(FIRST_STORED_MICROS - 1), Expect.REFUSED);
        times.put(Long.toString(Long.MIN_VALUE), Expect.REFUSED);
        times.put(Long.toString(Long.MAX_VALUE), Expect.ACCEPTED);
        // one past the last microsecond a long holds: PostgreSQL's last (294276-12-31) lies beyond it
        times.put("9223372036854775808", Expect.REFUSED);
        times.put("0", Expect.ACCEPTED);
        times.put("-1", Expect.ACCEPTED);
        List<Case> cases = new ArrayList<>();
        for (ResourceType type : TYPES) {
            times.forEach((micros, expect) -> cases.add(new Case(
                    type, urlToken("c1|" + type.wireName() + "|" + micros + "|" + id), "time " + micros, expect)));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Case c : cases) {
            outcomes.merge(send(c), 1, Integer::sum);
        }
        assertThat(outcomes)
                .containsOnly(
                        Map.entry("ACCEPTED->200", 5 * TYPES.size()), Map.entry("REFUSED->400", 3 * TYPES.size()));
    }

    // ---------------------------------------------------------------- generated tokens

    @Test
    void generatedHostileTokensAreAnswered200Or400NeverA5xx() {
        Map<String, Integer> outcomes = new TreeMap<>();
        Gen<Case> cases = Gens.of(TYPES).flatMap(HostileCursorHttpTest::hostileCase);
        Property.forAll(240, cases, c -> outcomes.merge(send(c), 1, Integer::sum));
        System.out.println("HostileCursorHttpTest outcomes: " + outcomes);
        assertThat(outcomes)
                .as("the generator makes tokens of both kinds")
                .containsKeys("ACCEPTED->200", "REFUSED->400");
        // about 30 % of the cases spoil nothing: far more than these bounds in any run
        assertThat(outcomes.get("ACCEPTED->200")).isGreaterThan(30);
        assertThat(outcomes.get("REFUSED->400")).isGreaterThan(100);
    }

    /** Sends one case, checks its answer, and names the outcome, e.g. {@code REFUSED->400}. */
    private String send(Case c) {
        byte[] body = HostileGenerators.bytes(body(c.type(), c.token()));
        HostileHttp.Answer answer = HostileHttp.post(base, DemoDataset.LIVE_SECRET_KEY, Api.DEMO_TEAM, body);
        String shown = c.type().wireName() + ", " + c.how() + ", token " + c.token() + " (" + readable(c.token())
                + ") -> " + answer.status() + " " + answer.text();
        assertThat(answer.status()).as("never a 5xx: %s", shown).isLessThan(500);
        assertThat(answer.status()).as("200 or 400: %s", shown).isIn(200, 400);
        if (answer.status() == 400) {
            JsonNode root = HostileHttp.assertError(answer, 400, "parameter_invalid", PARAM);
            assertThat(root.path("error").path("message").asText())
                    .as("the message of every invalid cursor: %s", shown)
                    .isEqualTo(invalidCursorMessage(c.type()));
        } else {
            assertThat(answer.json().path("success").asBoolean()).as(shown).isTrue();
        }
        switch (c.expect()) {
            case ACCEPTED ->
                assertThat(answer.status()).as("accepted: %s", shown).isEqualTo(200);
            case REFUSED -> assertThat(answer.status()).as("refused: %s", shown).isEqualTo(400);
            case EITHER -> {}
        }
        return c.expect() + "->" + answer.status();
    }

    /** One resource of {@code type}, only its ids, and (where the type has the filter) none of the demo's rows. */
    private static Map<String, Object> body(ResourceType type, String token) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", type.wireName());
        resource.put("fields", List.of("id"));
        if (type.filters().containsKey("createdBefore")) {
            resource.put("filters", Map.of("createdBefore", "1970-01-01T00:00:00Z"));
        }
        resource.put("cursor", token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resources", List.of(resource));
        return body;
    }

    /** The message every refused cursor of {@code type} gets, as the domain words it for a missing one. */
    private static String invalidCursorMessage(ResourceType type) {
        try {
            Cursor.decode("", type, PARAM);
        } catch (ExportException e) {
            return e.getMessage();
        }
        throw new AssertionError("an empty cursor was accepted");
    }

    // ---------------------------------------------------------------- the generator

    /**
     * What a token is made of. A case spoils none, one or two of them (so that most hostile parts are met alone, where
     * a wrong answer points at them) and keeps the others as an encoder writes them.
     */
    private enum Aspect {
        VERSION,
        TYPE,
        TIME,
        ID,
        LAYOUT,
        ENCODING
    }

    /** A part of a token: its text, and what it alone makes of the answer. */
    private record Part(String text, Expect expect) {
        static Part good(String text) {
            return new Part(text, Expect.ACCEPTED);
        }

        static Part bad(String text) {
            return new Part(text, Expect.REFUSED);
        }
    }

    private static final Gen<Part> BAD_VERSIONS =
            Gens.of("c2", "C1", "c0", "", "c1 ", "v1", "c11").map(Part::bad);

    private static Gen<Part> badTypeNames(ResourceType asked) {
        List<String> names = new ArrayList<>();
        TYPES.stream().filter(t -> t != asked).forEach(t -> names.add(t.wireName()));
        String name = asked.wireName();
        names.addAll(List.of(
                name.toUpperCase(Locale.ROOT),
                name + " ",
                name.substring(0, name.length() - 1),
                "changes",
                "jobs",
                "",
                name + "\u0000"));
        return Gens.of(names).map(Part::bad);
    }

    /** Times a row can have: the first microsecond PostgreSQL keeps, the last a long holds, zero, and between. */
    private static final Gen<Part> GOOD_TIMES = Gens.oneOf(
                    Gens.of(
                            FIRST_STORED_MICROS,
                            FIRST_STORED_MICROS + 1,
                            Long.MAX_VALUE,
                            Long.MAX_VALUE - 1,
                            0L,
                            1L,
                            -1L,
                            -62_135_596_800_000_000L), // 0001-01-01
                    Gens.longs(FIRST_STORED_MICROS, Long.MAX_VALUE))
            .map(micros -> Part.good(Long.toString(micros)));

    /**
     * Times before PostgreSQL's first, texts that are no long (one past either end of one included), and numbers a
     * lenient parser reads in a spelling no encoder writes (the contract does not say: either answer).
     */
    private static final Gen<Part> BAD_TIMES = Gens.frequency(
            Gens.weight(
                    4,
                    Gens.oneOf(
                                    Gens.of(
                                            FIRST_STORED_MICROS - 1,
                                            FIRST_STORED_MICROS - 1_000_000,
                                            Long.MIN_VALUE,
                                            Long.MIN_VALUE + 1),
                                    Gens.longs(Long.MIN_VALUE, FIRST_STORED_MICROS - 1))
                            .map(micros -> Part.bad(Long.toString(micros)))),
            Gens.weight(
                    2,
                    Gens.of(
                                    "9223372036854775808",
                                    "-9223372036854775809",
                                    "99999999999999999999",
                                    "",
                                    "1e3",
                                    "0x10",
                                    " 5",
                                    "5 ",
                                    "1.5",
                                    "+-1",
                                    "--1",
                                    "NaN")
                            .map(Part::bad)),
            Gens.weight(1, Gens.of("+5", "007", "-0", "+0").map(t -> new Part(t, Expect.EITHER))));

    private static final Gen<Part> GOOD_IDS = Gens.frequency(
            Gens.weight(4, Gens.uuids().map(u -> Part.good(u.toString()))),
            Gens.weight(
                    1,
                    Gens.of("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff")
                            .map(Part::good)));

    /** Other spellings of an id: upper case, no dashes, braces, an extra dash, too long or short, a URN. */
    private static final Gen<Part> BAD_IDS;

    static {
        Gen<UUID> uuids = Gens.uuids();
        Gen<Integer> spelling = Gens.ints(0, 9);
        Gen<Integer> at = Gens.ints(0, 35);
        BAD_IDS = random -> {
            String id = uuids.next(random).toString();
            String odd = switch (spelling.next(random)) {
                case 0 -> id.toUpperCase(Locale.ROOT);
                case 1 -> id.replace("-", "");
                case 2 -> "{" + id + "}";
                case 3 -> {
                    int i = at.next(random);
                    yield id.substring(0, i) + "-" + id.substring(i);
                }
                case 4 -> "0" + id;
                case 5 -> id.substring(0, 35);
                case 6 -> "urn:uuid:" + id;
                case 7 -> " " + id;
                case 8 -> "1-2-3-4-5";
                default -> id + "0";
            };
            // an upper-case id without a letter is still the canonical one
            return CANONICAL_UUID.matcher(odd).matches() ? Part.good(odd) : Part.bad(odd);
        };
    }

    /** How the parts are put together: the contract's four parts joined by {@code |}, or not. */
    private enum Layout {
        FOUR_PARTS,
        EXTRA_PART,
        TRAILING_SEPARATOR,
        LEADING_SEPARATOR,
        NO_ID,
        DOUBLED_SEPARATOR,
        NO_SEPARATORS,
        OTHER_SEPARATOR
    }

    /** How the text becomes a token. */
    private enum Encoding {
        URL_WITHOUT_PADDING,
        URL_WITH_PADDING,
        STANDARD_ALPHABET,
        NOT_BASE64,
        PLAIN_TEXT,
        LAST_CHARACTER_CUT
    }

    private static final Gen<Set<Aspect>> SPOILED = Gens.frequency(
            Gens.weight(3, Gens.constant(Set.<Aspect>of())),
            // the time twice as often as any other part: it is what reaches SQL as it is
            Gens.weight(
                    5,
                    Gens.of(
                                    Aspect.VERSION,
                                    Aspect.TYPE,
                                    Aspect.TIME,
                                    Aspect.TIME,
                                    Aspect.ID,
                                    Aspect.LAYOUT,
                                    Aspect.ENCODING)
                            .map(Set::of)),
            Gens.weight(2, Gens.of(Aspect.values()).set(2, 2)));

    private static Gen<Case> hostileCase(ResourceType type) {
        Gen<Part> badTypeNames = badTypeNames(type);
        Gen<Layout> badLayouts = Gens.of(Arrays.stream(Layout.values()).skip(1).toList());
        Gen<Encoding> otherEncodings =
                Gens.of(Arrays.stream(Encoding.values()).skip(1).toList());
        Gen<Character> junk = Gens.charsOf("!%.+/ \u00e9*|");
        return random -> {
            Set<Aspect> spoiled = SPOILED.next(random);
            Part version = spoiled.contains(Aspect.VERSION) ? BAD_VERSIONS.next(random) : Part.good("c1");
            Part typeName = spoiled.contains(Aspect.TYPE) ? badTypeNames.next(random) : Part.good(type.wireName());
            Part time = (spoiled.contains(Aspect.TIME) ? BAD_TIMES : GOOD_TIMES).next(random);
            Part id = (spoiled.contains(Aspect.ID) ? BAD_IDS : GOOD_IDS).next(random);
            Layout layout = spoiled.contains(Aspect.LAYOUT) ? badLayouts.next(random) : Layout.FOUR_PARTS;
            Encoding encoding =
                    spoiled.contains(Aspect.ENCODING) ? otherEncodings.next(random) : Encoding.URL_WITHOUT_PADDING;
            String v = version.text();
            String t = typeName.text();
            String m = time.text();
            String i = id.text();
            String plain = switch (layout) {
                case FOUR_PARTS -> v + "|" + t + "|" + m + "|" + i;
                case EXTRA_PART -> v + "|" + t + "|" + m + "|" + i + "|x";
                case TRAILING_SEPARATOR -> v + "|" + t + "|" + m + "|" + i + "|";
                case LEADING_SEPARATOR -> "|" + v + "|" + t + "|" + m + "|" + i;
                case NO_ID -> v + "|" + t + "|" + m;
                case DOUBLED_SEPARATOR -> v + "||" + t + "|" + m + "|" + i;
                case NO_SEPARATORS -> v + t + m + i;
                case OTHER_SEPARATOR -> v + ":" + t + ":" + m + ":" + i;
            };
            byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
            String urlToken = urlToken(plain);
            String token = switch (encoding) {
                case URL_WITHOUT_PADDING -> urlToken;
                case URL_WITH_PADDING -> Base64.getUrlEncoder().encodeToString(bytes);
                case STANDARD_ALPHABET -> Base64.getEncoder().encodeToString(bytes);
                case NOT_BASE64 -> {
                    int at = random.nextInt(urlToken.length() + 1);
                    yield urlToken.substring(0, at) + junk.next(random) + urlToken.substring(at);
                }
                case PLAIN_TEXT -> plain;
                case LAST_CHARACTER_CUT -> urlToken.substring(0, urlToken.length() - 1);
            };
            Expect parts = worst(version.expect(), typeName.expect(), time.expect(), id.expect());
            Expect expect;
            if (encoding == Encoding.LAST_CHARACTER_CUT) {
                // a cut drops the id's last character (or breaks the base64), unless it drops just what was wrong
                expect = parts == Expect.ACCEPTED && layout == Layout.FOUR_PARTS ? Expect.REFUSED : Expect.EITHER;
            } else if (parts == Expect.REFUSED
                    || layout != Layout.FOUR_PARTS
                    || encoding == Encoding.NOT_BASE64
                    || encoding == Encoding.PLAIN_TEXT) {
                expect = Expect.REFUSED;
            } else if (encoding == Encoding.URL_WITHOUT_PADDING) {
                expect = parts;
            } else {
                expect = Expect.EITHER; // padding, or the standard alphabet, around parts that are right
            }
            if (token.length() > 200) {
                expect = Expect.REFUSED;
            }
            String how = "version " + show(v) + ", type " + show(t) + ", time " + show(m) + ", id " + show(i) + ", "
                    + layout + ", " + encoding;
            return new Case(type, token, how, expect);
        };
    }

    private static Expect worst(Expect... expects) {
        List<Expect> all = List.of(expects);
        if (all.contains(Expect.REFUSED)) {
            return Expect.REFUSED;
        }
        return all.contains(Expect.EITHER) ? Expect.EITHER : Expect.ACCEPTED;
    }

    private static String urlToken(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The token's text when it decodes, for failure messages. */
    private static String readable(String token) {
        try {
            return show(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return "not base64url";
        }
    }

    private static String show(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= ' ' && c <= '~' ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04X", (int) c));
        }
        return out.append('"').toString();
    }
}
