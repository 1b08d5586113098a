package com.helpdesk.export.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitsTest {

    @Test
    void theContractsDefaultsAreTwoPerKeyAndFourPerTeam() {
        ConcurrencyLimits limits = ConcurrencyLimits.contractDefault();
        assertThat(limits.perKey()).isEqualTo(2);
        assertThat(limits.perTeam()).isEqualTo(4);
        assertThat(limits.retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertThat(new ConcurrencyLimits(1, 1, Duration.ofMillis(1)).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(new ConcurrencyLimits(1, 1, Duration.ofMillis(2_001)).retryAfterSeconds())
                .isEqualTo(3);
    }

    @Test
    void refusesMeaninglessCaps() {
        assertThatThrownBy(() -> new ConcurrencyLimits(0, 4, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConcurrencyLimits(5, 4, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot exceed");
        assertThatThrownBy(() -> new ConcurrencyLimits(2, 4, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
