package com.helpdesk.export.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyTest {

    @Test
    void runsEveryTryAndTheSameSeedGivesTheSameValues() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        Property.run("first", 42, 300, Gens.anyLong(), first::add);
        Property.run("second", 42, 300, Gens.anyLong(), second::add);
        assertThat(first).hasSize(300).isEqualTo(second);
        List<Long> other = new ArrayList<>();
        Property.run("other", 43, 300, Gens.anyLong(), other::add);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aFailureNamesTheSeedTheTryAndTheValueAndTheSeedReplaysIt() {
        List<Integer> seen = new ArrayList<>();
        Property.Check<Integer> check = value -> {
            seen.add(value);
            assertThat(value).isLessThan(90);
        };
        assertThatThrownBy(() -> Property.run("PropertyTest#fails", 7, 1_000, Gens.ints(0, 99), check))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "property PropertyTest#fails failed at try " + seen.size() + " of 1,000 with seed 7")
                .hasMessageContaining("-Dproperty.seed=7 -Dtest='PropertyTest#fails'")
                .hasMessageContaining("value: " + seen.get(seen.size() - 1))
                .hasCauseInstanceOf(AssertionError.class);
        List<Integer> firstRun = List.copyOf(seen);
        seen.clear();
        assertThatThrownBy(() -> Property.run("again", 7, 1_000, Gens.ints(0, 99), check))
                .isInstanceOf(AssertionError.class);
        assertThat(seen).isEqualTo(firstRun);
    }

    @Test
    void anExceptionOfTheCheckOrOfTheGeneratorIsAFailureToo() {
        assertThatThrownBy(() -> Property.run("throws", 1, 10, Gens.constant("x"), value -> {
                    throw new java.io.IOException("boom");
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed 1")
                .hasMessageContaining("boom");
        assertThatThrownBy(() -> Property.run(
                        "generator",
                        1,
                        10,
                        random -> {
                            throw new IllegalStateException("bad generator");
                        },
                        value -> {}))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("generating the value failed");
    }

    @Test
    void theCallerNamesTheProperty() {
        assertThatThrownBy(() -> Property.forAll(
                        5, Gens.constant(1), value -> assertThat(value).isZero()))
                .hasMessageContaining("PropertyTest#");
    }

    @Test
    void showsTextWithItsInvisibleCharactersEscaped() {
        assertThat(Property.show("a\u0000\uD83D\uDE00\\")).isEqualTo("\"a\\u0000\\uD83D\\uDE00\\\\\"");
        assertThat(Property.show(new byte[] {1, -1})).isEqualTo("bytes [1, -1]");
        assertThat(Property.show("x".repeat(3_000))).endsWith("… (3002 chars)");
    }
}
