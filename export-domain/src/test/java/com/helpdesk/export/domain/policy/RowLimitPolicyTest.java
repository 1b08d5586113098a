package com.helpdesk.export.domain.policy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.domain.model.ResourceType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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

    @Property
    void allowsAnyConfiguredLimitFromOneToTenThousand(@ForAll @IntRange(min = 1, max = 10_000) int limit) {
        RowLimitPolicy policy = RowLimitPolicy.configured(limit).orThrow();
        assertThat(policy.maxRowsPerResource()).isEqualTo(limit);
        assertThat(policy.limitFor(ResourceSpec.all(ResourceType.TICKETS)).orThrow()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void rejectsALimitOutsideOneToTenThousand(int limit) {
        Decision<RowLimitPolicy> decision = RowLimitPolicy.configured(limit);
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(r.reason()).contains(String.valueOf(limit));
            assertThat(r.param()).isNull();
        });
        assertThatThrownBy(decision::orThrow).isInstanceOf(ExportException.class);
    }

    @Test
    void acceptsTheEdges() {
        assertThat(RowLimitPolicy.configured(1).orThrow().maxRowsPerResource()).isEqualTo(1);
        assertThat(RowLimitPolicy.configured(10_000).orThrow().maxRowsPerResource()).isEqualTo(10_000);
    }
}
