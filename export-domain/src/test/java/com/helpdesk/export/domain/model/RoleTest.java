package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Owner, admin and manager hold export_data; librarian, agent and spectator don't. */
class RoleTest {

    @ParameterizedTest
    @CsvSource({"owner, true", "admin, true", "manager, true", "librarian, false", "agent, false", "spectator, false"})
    void holdsExportDataAsTheContractSays(String wireName, boolean exports) {
        Role role = Role.fromWireName(wireName).orElseThrow();
        assertThat(role.wireName()).isEqualTo(wireName);
        assertThat(role.holds(Permission.EXPORT_DATA)).isEqualTo(exports);
    }

    @Test
    void knowsExactlyTheSixRoles() {
        assertThat(Arrays.stream(Role.values()).map(Role::wireName))
                .containsExactly("owner", "admin", "manager", "librarian", "agent", "spectator");
        assertThat(Role.fromWireName("Owner")).isEmpty();
        assertThat(Role.fromWireName("root")).isEmpty();
        assertThat(Role.fromWireName(null)).isEmpty();
    }

    @Test
    void scopeNeedsATeamAndAMode() {
        assertThatThrownBy(() -> new Scope(null, Mode.LIVE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Scope(new TeamId(UUID.randomUUID()), null))
                .isInstanceOf(NullPointerException.class);
    }
}
