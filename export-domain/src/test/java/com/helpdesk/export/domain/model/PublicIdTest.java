package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicIdTest {

    private static final Gen<String> PREFIXES = Gens.of("tkt_", "cus_", "art_", "mem_");

    @Test
    void parseUndoesFormat() {
        Property.forAll(
                1000,
                Gens.uuids(),
                PREFIXES,
                (id, prefix) -> assertThat(PublicId.parse(prefix, PublicId.format(prefix, id)))
                        .contains(id));
    }

    @Test
    void formatsThePrefixAndThirtyTwoLowerCaseHexDigits() {
        Property.forAll(1000, Gens.uuids(), PREFIXES, (id, prefix) -> {
            String text = PublicId.format(prefix, id);
            assertThat(text).matches(prefix + "[0-9a-f]{32}");
            assertThat(text.substring(prefix.length())).isEqualTo(id.toString().replace("-", ""));
        });
    }

    @Test
    void acceptsTheCanonicalUuidInAnyCase() {
        Property.forAll(1000, Gens.uuids(), id -> {
            assertThat(PublicId.parse("cus_", id.toString())).contains(id);
            assertThat(PublicId.parse("cus_", id.toString().toUpperCase(Locale.ROOT)))
                    .contains(id);
        });
    }

    @Test
    void formatsKnownValues() {
        assertThat(PublicId.format("tkt_", UUID.fromString("0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8")))
                .isEqualTo("tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8");
        assertThat(PublicId.format("cus_", new UUID(0, 0))).isEqualTo("cus_" + "0".repeat(32));
        assertThat(PublicId.format("mem_", new UUID(-1, -1))).isEqualTo("mem_" + "f".repeat(32));
        assertThat(PublicId.format("art_", new UUID(Long.MIN_VALUE, 1)))
                .isEqualTo("art_80000000000000000000000000000001");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "tkt_",
                "tkt_0F3C2A1B4D5E6F708192A3B4C5D6E7F8",
                "tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f",
                "tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8a",
                "cus_0f3c2a1b4d5e6f708192a3b4c5d6e7f8",
                "0f3c2a1b4d5e6f708192a3b4c5d6e7f8",
                "tkt_0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8",
                "0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f",
                "0f3c2a1b4d5e-6f70-8192-a3b4c5d6e7f8-",
                "1-1-1-1-1",
                "{0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8}",
                " tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8",
                "tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8 ",
                "tkt_+f3c2a1b4d5e6f708192a3b4c5d6e7f8",
                "tkt_٠f3c2a1b4d5e6f708192a3b4c5d6e7f8"
            })
    void refusesAnythingElse(String text) {
        assertThat(PublicId.parse("tkt_", text)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(PublicId.parse("tkt_", null)).isEmpty();
    }
}
