package com.helpdesk.export.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void removesTheSpacesPostgresqlWritesBetweenTokensAndKeepsThoseInStrings() {
        assertThat(JsonText.compact("{\"a b\": [1, 2, {\"c\": \"x, y: \\\"z\\\" \"}], \"d\": null}"))
                .isEqualTo("{\"a b\":[1,2,{\"c\":\"x, y: \\\"z\\\" \"}],\"d\":null}");
        assertThat(JsonText.compact("{}")).isEqualTo("{}");
        assertThat(JsonText.compact("{\"k\": \"\\\\\", \"l\": \" \"}")).isEqualTo("{\"k\":\"\\\\\",\"l\":\" \"}");
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> texts = Arbitraries.strings().all().ofMaxLength(12);
        return Arbitraries.recursive(
                () -> Arbitraries.oneOf(texts.map(JsonTextTest::quoted), Arbitraries.integers().map(String::valueOf),
                        Arbitraries.of("true", "false", "null", "1.5", "-2.25")),
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(items -> "[ " + String.join(" ,  ", items) + "\n]"),
                        Arbitraries.maps(texts, inner).ofMaxSize(4).map(map -> {
                            StringBuilder object = new StringBuilder("{");
                            map.forEach((k, v) -> object.append(object.length() > 1 ? ", " : " ")
                                    .append(quoted(k)).append(" :\t").append(v));
                            return object.append(" }").toString();
                        })),
                3);
    }

    /** Jackson is the oracle: the compact text is the same JSON value, as Jackson writes it compactly. */
    @Property
    void theCompactTextIsTheSameValueWithoutWhiteSpaceBetweenTokens(@ForAll("documents") String document)
            throws Exception {
        String compact = JsonText.compact(document);
        JsonNode before = JACKSON.readTree(document);
        assertThat(JACKSON.readTree(compact)).isEqualTo(before);
        // the values are written as Jackson writes them (strings escaped by Jackson, numbers in its form), so its
        // compact writing of the tree is the expected text
        assertThat(compact).isEqualTo(JACKSON.writeValueAsString(before));
    }

    private static String quoted(String text) {
        try {
            return JACKSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
