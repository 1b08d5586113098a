package com.helpdesk.export.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowLimitPolicyTest {

    @Test
    void defaultsToTheContractsTenThousandRows() {
        RowLimitPolicy policy = RowLimitPolicy.contractDefault();
        assertThat(RowLimitPolicy.CONTRACT_MAXIMUM).isEqualTo(10_000);
        assertThat(policy.maxRowsPerResource()).isEqualTo(10_000);
    }

    /**
     * The start-up check is the part of the policy that can refuse: any int is taken exactly when it lies in 1 to
     * 10,000 (the values on either side of both bounds drawn on purpose), and a taken limit is the one in force.
     */
    @Test
    void takesExactlyTheLimitsFromOneToTenThousand() {
        Property.forAll(
                1000,
                Gens.frequency(
                        Gens.weight(3, Gens.of(-1, 0, 1, 2, 9_999, 10_000, 10_001, 10_002)),
                        Gens.weight(5, Gens.ints(-20_000, 20_000)),
                        Gens.weight(2, Gens.anyInt())),
                limit -> {
                    boolean inRange = limit >= 1 && limit <= 10_000;
                    if (inRange) {
                        RowLimitPolicy policy = RowLimitPolicy.configured(limit);
                        assertThat(policy.maxRowsPerResource()).isEqualTo(limit);
                    } else {
                        assertThatThrownBy(() -> RowLimitPolicy.configured(limit))
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessageContaining(String.valueOf(limit));
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001, 10_002, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aLimitOutsideOneToTenThousandIsAConfigurationMistakeNotAnAnswer(int limit) {
        assertThatThrownBy(() -> RowLimitPolicy.configured(limit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(limit))
                .hasMessageContaining("export.max-rows-per-resource");
    }

    @Test
    void acceptsTheEdges() {
        assertThat(RowLimitPolicy.configured(1).maxRowsPerResource()).isEqualTo(1);
        assertThat(RowLimitPolicy.configured(10_000).maxRowsPerResource()).isEqualTo(10_000);
    }
}
