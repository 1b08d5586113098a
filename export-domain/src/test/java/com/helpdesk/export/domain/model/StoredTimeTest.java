package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class StoredTimeTest {

    @Test
    void theFirstIsPostgresFirstMicrosecond() {
        // as PostgreSQL gives it: extract(epoch FROM '4714-11-24 00:00:00+00 BC'::timestamptz) * 1000000
        assertThat(micros(StoredTime.EARLIEST)).isEqualTo(-210_866_803_200_000_000L);
    }

    @Test
    void holdsItsBoundsAndNothingPastThem() {
        assertThat(StoredTime.holds(StoredTime.EARLIEST)).isTrue();
        assertThat(StoredTime.holds(StoredTime.EARLIEST.plus(1, ChronoUnit.MICROS)))
                .isTrue();
        assertThat(StoredTime.holds(StoredTime.EARLIEST.minus(1, ChronoUnit.MICROS)))
                .isFalse();
        assertThat(StoredTime.holds(StoredTime.EARLIEST.minusNanos(1))).isFalse();
        assertThat(StoredTime.holds(StoredTime.LATEST)).isTrue();
        assertThat(StoredTime.holds(StoredTime.LATEST.minus(1, ChronoUnit.MICROS)))
                .isTrue();
        assertThat(StoredTime.holds(StoredTime.LATEST.plus(1, ChronoUnit.MICROS)))
                .isFalse();
        assertThat(StoredTime.holds(Instant.MIN)).isFalse();
        assertThat(StoredTime.holds(Instant.MAX)).isFalse();
        assertThat(StoredTime.holds(Instant.EPOCH)).isTrue();
    }

    @Test
    void everyLongOfMicrosecondsFromTheFirstOnIsHeld() {
        // a cursor's time is a long of microseconds since 1970: the upper end of the range cannot be passed that way
        assertThat(StoredTime.holds(Instant.EPOCH.plus(Long.MAX_VALUE, ChronoUnit.MICROS)))
                .isTrue();
        assertThat(StoredTime.holds(Instant.EPOCH.plus(Long.MIN_VALUE, ChronoUnit.MICROS)))
                .isFalse();
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> StoredTime.holds(null)).isInstanceOf(NullPointerException.class);
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
