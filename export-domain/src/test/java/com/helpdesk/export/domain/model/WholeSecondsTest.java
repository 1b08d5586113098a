package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WholeSecondsTest {

    @Test
    void zeroIsZero() {
        assertThat(WholeSeconds.roundedUp(Duration.ZERO)).isZero();
    }

    @Test
    void exactlyNSecondsIsN() {
        assertThat(WholeSeconds.roundedUp(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(WholeSeconds.roundedUp(Duration.ofSeconds(3_600))).isEqualTo(3_600);
    }

    @Test
    void aNanosecondMoreIsOneSecondMore() {
        assertThat(WholeSeconds.roundedUp(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(WholeSeconds.roundedUp(Duration.ofSeconds(2).plusNanos(1))).isEqualTo(3);
        assertThat(WholeSeconds.roundedUp(Duration.ofMillis(2_500))).isEqualTo(3);
        assertThat(WholeSeconds.roundedUp(Duration.ofSeconds(3).minusNanos(1))).isEqualTo(3);
    }

    @Test
    void aWaitAlreadyOverRoundsUpTowardZero() {
        assertThat(WholeSeconds.roundedUp(Duration.ofMillis(-500))).isZero();
        assertThat(WholeSeconds.roundedUp(Duration.ofSeconds(-2))).isEqualTo(-2);
        assertThat(WholeSeconds.roundedUp(Duration.ofSeconds(-2).minusNanos(1))).isEqualTo(-2);
    }

    @Test
    void needsADuration() {
        assertThatThrownBy(() -> WholeSeconds.roundedUp(null)).isInstanceOf(NullPointerException.class);
    }
}
