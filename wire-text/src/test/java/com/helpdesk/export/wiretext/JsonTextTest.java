package com.helpdesk.export.wiretext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void removesTheSpacesPostgresqlWritesBetweenTokensAndKeepsThoseInStrings() {
        assertThat(JsonText.compact("{\"a b\": [1, 2, {\"c\": \"x, y: \\\"z\\\" \"}], \"d\": null}"))
                .isEqualTo("{\"a b\":[1,2,{\"c\":\"x, y: \\\"z\\\" \"}],\"d\":null}");
        assertThat(JsonText.compact("{}")).isEqualTo("{}");
        assertThat(JsonText.compact("{\"k\": \"\\\\\", \"l\": \" \"}")).isEqualTo("{\"k\":\"\\\\\",\"l\":\" \"}");
    }

    /** Any UTF-16 text (lone surrogates, controls, quotes and backslashes among them), up to 12 units. */
    private static final Gen<String> TEXTS = Gens.anyStrings(0, 12);

    /** JSON documents written with white space between every token, nested up to {@code depth} levels. */
    private static Gen<String> documents(int depth) {
        Gen<String> scalar = Gens.oneOf(
                TEXTS.map(JsonTextTest::quoted),
                Gens.anyInt().map(String::valueOf),
                Gens.of("true", "false", "null", "1.5", "-2.25"));
        if (depth == 0) {
            return scalar;
        }
        Gen<String> inner = documents(depth - 1);
        Gen<String> array = inner.list(0, 4).map(items -> "[ " + String.join(" ,  ", items) + "\n]");
        Gen<String> object = Gens.maps(TEXTS, inner, 0, 4).map(map -> {
            StringBuilder text = new StringBuilder("{");
            map.forEach((k, v) -> text.append(text.length() > 1 ? ", " : " ")
                    .append(quoted(k))
                    .append(" :\t")
                    .append(v));
            return text.append(" }").toString();
        });
        return Gens.frequency(Gens.weight(1, scalar), Gens.weight(2, array), Gens.weight(2, object));
    }

    /** Jackson is the oracle: the compact text is the same JSON value, as Jackson writes it compactly. */
    @Test
    void theCompactTextIsTheSameValueWithoutWhiteSpaceBetweenTokens() {
        Property.forAll(1000, documents(3), document -> {
            String compact = JsonText.compact(document);
            JsonNode before = JACKSON.readTree(document);
            assertThat(JACKSON.readTree(compact)).isEqualTo(before);
            // the values are written as Jackson writes them (strings escaped by Jackson, numbers in its form), so
            // its compact writing of the tree is the expected text
            assertThat(compact).isEqualTo(JACKSON.writeValueAsString(before));
        });
    }

    private static String quoted(String text) {
        try {
            return JACKSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
