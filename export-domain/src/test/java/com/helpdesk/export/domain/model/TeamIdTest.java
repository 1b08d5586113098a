package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamIdTest {

    @Test
    void parsesEveryCanonicalUuid() {
        Property.forAll(1000, Gens.uuids(), id -> {
            assertThat(TeamId.parse(id.toString(), "teamId")).isEqualTo(new TeamId(id));
            assertThat(TeamId.parse(id.toString().toUpperCase(), "teamId").value())
                    .isEqualTo(id);
            assertThat(new TeamId(id).toString()).isEqualTo(id.toString());
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "team",
                "1f0c7d2e6f2a4c1b9a513d8e2b7c9a10",
                "1-2-3-4-5",
                "1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a1",
                "1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a100",
                "{1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10}",
                " 1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10",
                "1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a1g",
                "tkt_1f0c7d2e6f2a4c1b9a513d8e2b7c9a10",
                "1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10\n"
            })
    void refusesAMalformedTeamIdOnTheGivenParam(String text) {
        assertThatThrownBy(() -> TeamId.parse(text, "teamId")).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
            assertThat(e.param()).isEqualTo("teamId");
        });
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> TeamId.parse(null, "teamId"))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.param()).isEqualTo("teamId"));
        assertThatThrownBy(() -> new TeamId(null)).isInstanceOf(NullPointerException.class);
    }
}
