package com.helpdesk.export.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generators stay in their bounds and do give their edge cases in a run of a few hundred values. */
class GensTest {

    private static <T> List<T> draw(Gen<T> gen, int count) {
        return Gens.samples(gen, "GensTest", count);
    }

    @Test
    void numbersStayInTheirBoundsAndHitThem() {
        List<Integer> ints = draw(Gens.ints(-3, 1_000_000), 500);
        assertThat(ints).allMatch(i -> i >= -3 && i <= 1_000_000).contains(-3, 1_000_000, 0);
        List<Long> longs = draw(Gens.anyLong(), 500);
        assertThat(longs).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        assertThat(longs.stream().filter(l -> Math.abs(l) <= 1_000).count()).isGreaterThan(50);
        assertThat(draw(Gens.longs(5, Long.MAX_VALUE), 500))
                .allMatch(l -> l >= 5)
                .contains(Long.MAX_VALUE, 5L);
        assertThat(draw(Gens.longs(7, 7), 20)).containsOnly(7L);
        BigInteger big = BigInteger.TEN.pow(40);
        assertThat(draw(Gens.bigIntegers(big.negate(), big), 500))
                .allMatch(b -> b.abs().compareTo(big) <= 0)
                .contains(big, big.negate(), BigInteger.ZERO);
        assertThat(draw(Gens.anyFiniteDouble(), 500)).allMatch(Double::isFinite).contains(-0.0, Double.MAX_VALUE);
    }

    @Test
    void stringsAndListsHitTheirSmallestAndLargestSizes() {
        List<String> strings = draw(Gens.anyStrings(0, 12), 500);
        assertThat(strings).allMatch(s -> s.length() <= 12).contains("");
        assertThat(strings).anyMatch(s -> s.length() == 12);
        assertThat(strings.stream()
                        .flatMapToInt(String::chars)
                        .filter(c -> Character.isSurrogate((char) c))
                        .count())
                .isGreaterThan(0);
        List<List<Integer>> lists = draw(Gens.ints(0, 9).list(1, 5), 300);
        assertThat(lists).allMatch(l -> l.size() >= 1 && l.size() <= 5);
        assertThat(lists.stream().map(List::size).collect(Collectors.toSet())).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(draw(Gens.ints(0, 9).uniqueList(10, 10), 20))
                .allMatch(l -> Set.copyOf(l).size() == 10);
    }

    @Test
    void choicesFollowTheirWeightsAndNeverPickAWeightOfZero() {
        List<String> picks = draw(
                Gens.frequency(
                        Gens.weight(3, Gens.constant("a")),
                        Gens.weight(1, Gens.constant("b")),
                        Gens.weight(0, Gens.constant("never"))),
                4_000);
        long a = picks.stream().filter("a"::equals).count();
        assertThat(picks).doesNotContain("never");
        assertThat(a).isBetween(2_800L, 3_200L);
        assertThat(draw(Gens.of("x", "y").orNull(0.5), 200)).containsNull().contains("x", "y");
    }

    @Test
    void samplesAreTheSameForTheSameName() {
        assertThat(Gens.samples(Gens.anyStrings(0, 30), "a", 50))
                .isEqualTo(Gens.samples(Gens.anyStrings(0, 30), "a", 50))
                .isNotEqualTo(Gens.samples(Gens.anyStrings(0, 30), "b", 50));
    }
}
