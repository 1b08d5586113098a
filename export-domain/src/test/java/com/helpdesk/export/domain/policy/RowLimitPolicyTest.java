package com.helpdesk.export.domain.policy;

import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowLimitPolicyTest {

    @Test
    void defaultsToTheContractsTenThousandRows() {
        RowLimitPolicy policy = RowLimitPolicy.contractDefault();
        assertThat(RowLimitPolicy.CONTRACT_MAXIMUM).isEqualTo(10_000);
        assertThat(policy.maxRowsPerResource()).isEqualTo(10_000);
        for (ResourceType type : ResourceType.values()) {
            assertThat(policy.limitFor(ResourceSpec.all(type))).isEqualTo(Decision.allowed(10_000));
        }
    }

    @Test
    void allowsAnyConfiguredLimitFromOneToTenThousand() {
        Property.forAll(1000, Gens.ints(1, 10_000), limit -> {
            RowLimitPolicy policy = RowLimitPolicy.configured(limit);
            assertThat(policy.maxRowsPerResource()).isEqualTo(limit);
            assertThat(policy.limitFor(ResourceSpec.all(ResourceType.TICKETS)).orThrow()).isEqualTo(limit);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aLimitOutsideOneToTenThousandIsAConfigurationMistakeNotAnAnswer(int limit) {
        assertThatThrownBy(() -> RowLimitPolicy.configured(limit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(limit)).hasMessageContaining("export.max-rows-per-resource");
    }

    @Test
    void acceptsTheEdges() {
        assertThat(RowLimitPolicy.configured(1).maxRowsPerResource()).isEqualTo(1);
        assertThat(RowLimitPolicy.configured(10_000).maxRowsPerResource()).isEqualTo(10_000);
    }
}
