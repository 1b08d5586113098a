package com.helpdesk.export.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void anAllowedDecisionGivesItsValue() {
        assertThat(Decision.allowed("yes").orThrow()).isEqualTo("yes");
        assertThat(Decision.allowed(42)).isEqualTo(new Decision.Allowed<>(42));
    }

    @Test
    void aRejectedDecisionThrowsItsCodeReasonAndParam() {
        Decision<String> rejected = Decision.rejected(ErrorCode.PARAMETER_INVALID, "no good", "resources[0].type");
        assertThatThrownBy(rejected::orThrow).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
            assertThat(e.getMessage()).isEqualTo("no good");
            assertThat(e.param()).isEqualTo("resources[0].type");
        });
    }

    @Test
    void aRejectionMayNameNoParam() {
        assertThatThrownBy(Decision.rejected(ErrorCode.INTERNAL_ERROR, "broken", null)::orThrow)
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
                    assertThat(e.param()).isNull();
                });
    }

    @Test
    void refusesMissingParts() {
        assertThatThrownBy(() -> Decision.allowed(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Decision.rejected(null, "r", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Decision.rejected(ErrorCode.INTERNAL_ERROR, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
