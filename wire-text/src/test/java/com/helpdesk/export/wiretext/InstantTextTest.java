package com.helpdesk.export.wiretext;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void writesWhatInstantToStringWrites() {
        Property.forAll(
                20_000, Gens.longs(-62_167_219_200L, 253_402_300_799L), Gens.ints(0, 999_999_999), (second, nano) -> {
                    Instant instant = Instant.ofEpochSecond(second, nano);
                    assertThat(InstantText.format(instant)).isEqualTo(instant.toString());
                });
    }

    @Test
    void keepsOnlyTheDigitsTheFractionNeeds() {
        Property.forAll(5_000, Gens.longs(0, 4_102_444_800L), Gens.ints(0, 999_999), (second, micros) -> {
            Instant instant = Instant.ofEpochSecond(second).plus(micros, ChronoUnit.MICROS);
            assertThat(InstantText.format(instant)).isEqualTo(instant.toString());
        });
    }

    @Test
    void edgesOfTheCalendarAndOfTheFastRange() {
        List<Instant> edges = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.MIN,
                Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1),
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("2000-02-29T12:00:00.100Z"),
                Instant.parse("1900-02-28T23:59:59Z"),
                Instant.parse("2100-03-01T00:00:00.000001Z"),
                Instant.parse("2024-02-29T23:59:59.123456789Z")));
        for (Instant instant : edges) {
            assertThat(InstantText.format(instant)).as(instant.toString()).isEqualTo(instant.toString());
        }
    }

    @Test
    void writesIntoABufferAtAnOffsetAndDeclinesYearsItDoesNotWrite() {
        char[] buffer = new char[5 + InstantText.MAX_LENGTH];
        Instant longest = Instant.parse("2026-11-27T20:15:00.123456789Z");
        int end = InstantText.write(longest, buffer, 5);
        assertThat(new String(buffer, 5, end - 5)).isEqualTo(longest.toString());
        assertThat(end - 5).isLessThanOrEqualTo(InstantText.MAX_LENGTH);
        assertThat(InstantText.write(Instant.parse("+10000-01-01T00:00:00Z"), buffer, 0))
                .isEqualTo(-1);
        assertThat(InstantText.write(Instant.parse("-0001-12-31T23:59:59Z"), buffer, 0))
                .isEqualTo(-1);
    }
}
