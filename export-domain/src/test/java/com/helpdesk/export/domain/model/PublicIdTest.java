package com.helpdesk.export.domain.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PublicIdTest {

    @Property
    void parseUndoesFormat(@ForAll long msb, @ForAll long lsb, @ForAll("prefixes") String prefix) {
        UUID id = new UUID(msb, lsb);
        assertThat(PublicId.parse(prefix, PublicId.format(prefix, id))).contains(id);
    }

    @Property
    void formatsThePrefixAndThirtyTwoLowerCaseHexDigits(@ForAll long msb, @ForAll long lsb,
                                                         @ForAll("prefixes") String prefix) {
        UUID id = new UUID(msb, lsb);
        String text = PublicId.format(prefix, id);
        assertThat(text).matches(prefix + "[0-9a-f]{32}");
        assertThat(text.substring(prefix.length())).isEqualTo(id.toString().replace("-", ""));
    }

    @Property
    void acceptsTheCanonicalUuidInAnyCase(@ForAll long msb, @ForAll long lsb) {
        UUID id = new UUID(msb, lsb);
        assertThat(PublicId.parse("cus_", id.toString())).contains(id);
        assertThat(PublicId.parse("cus_", id.toString().toUpperCase(Locale.ROOT))).contains(id);
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("tkt_", "cus_", "art_", "mem_");
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
    @ValueSource(strings = {"", "tkt_", "tkt_0F3C2A1B4D5E6F708192A3B4C5D6E7F8", "tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f",
            "tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8a", "cus_0f3c2a1b4d5e6f708192a3b4c5d6e7f8",
            "0f3c2a1b4d5e6f708192a3b4c5d6e7f8", "tkt_0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8",
            "0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f", "0f3c2a1b4d5e-6f70-8192-a3b4c5d6e7f8-", "1-1-1-1-1",
            "{0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8}", " tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8",
            "tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8 ", "tkt_+f3c2a1b4d5e6f708192a3b4c5d6e7f8",
            "tkt_٠f3c2a1b4d5e6f708192a3b4c5d6e7f8"})
    void refusesAnythingElse(String text) {
        assertThat(PublicId.parse("tkt_", text)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(PublicId.parse("tkt_", null)).isEmpty();
    }
}
