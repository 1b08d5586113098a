package com.helpdesk.export.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Permission;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TeamAccessPolicyTest {

    private static final String TEAM_TEXT = "1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10";
    private static final TeamId TEAM = new TeamId(UUID.fromString(TEAM_TEXT));
    private static final TeamId OTHER_TEAM = new TeamId(UUID.fromString("2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c9d"));

    private final TeamAccessPolicy policy = new TeamAccessPolicy();

    private static KeyVerification.Verified caller(TeamId team, Role role, KeyKind kind) {
        return new KeyVerification.Verified(
                UUID.randomUUID(),
                team,
                UUID.randomUUID(),
                role,
                kind,
                Mode.LIVE,
                (kind == KeyKind.SECRET ? "sk" : "pk") + "_live_AbCd");
    }

    private static List<Role> rolesThatMayExport() {
        return Arrays.stream(Role.values())
                .filter(r -> r.holds(Permission.EXPORT_DATA))
                .toList();
    }

    @Test
    void allowsASecretKeyOfTheTeamWhoseRoleMayExport() {
        assertThat(rolesThatMayExport()).containsExactly(Role.OWNER, Role.ADMIN, Role.MANAGER);
        for (Role role : rolesThatMayExport()) {
            Decision<TeamId> decision = policy.decide(caller(TEAM, role, KeyKind.SECRET), TEAM_TEXT);
            assertThat(decision).as(role.wireName()).isEqualTo(Decision.allowed(TEAM));
        }
        assertThat(policy.decide(caller(TEAM, Role.OWNER, KeyKind.SECRET), TEAM_TEXT.toUpperCase(Locale.ROOT))
                        .orThrow())
                .as("the team id in capitals is the same team")
                .isEqualTo(TEAM);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void rejectsAPublishableKeyWhateverItsRoleAndTeam(Role role) {
        Decision.Rejected<TeamId> expected = new Decision.Rejected<>(
                ErrorCode.INSUFFICIENT_PERMISSIONS, "Secret key required for this endpoint", null);

        assertThat(policy.decide(caller(TEAM, role, KeyKind.PUBLISHABLE), TEAM_TEXT))
                .isEqualTo(expected);
        assertThat(policy.decide(caller(TEAM, role, KeyKind.PUBLISHABLE), "not-a-uuid"))
                .as("the key's kind is asked before the team id")
                .isEqualTo(expected);
        assertThat(policy.decide(caller(OTHER_TEAM, role, KeyKind.PUBLISHABLE), TEAM_TEXT))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "not-a-uuid", "1f0c7d2e6f2a4c1b9a513d8e2b7c9a10", TEAM_TEXT + " "})
    void rejectsAMalformedTeamIdOnParamTeamIdWithTheTeamIdsOwnMessage(String teamId) {
        Decision<TeamId> decision = policy.decide(caller(TEAM, Role.OWNER, KeyKind.SECRET), teamId);

        assertThat(decision)
                .isEqualTo(Decision.rejected(
                        ErrorCode.PARAMETER_INVALID,
                        "teamId must be a UUID, e.g. 1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10.",
                        "teamId"));
        assertThatThrownBy(() -> TeamId.parse(teamId, "teamId"))
                .as("the same refusal as the team id's own parse")
                .isInstanceOfSatisfying(
                        ExportException.class,
                        e -> assertThat(decision).isEqualTo(Decision.rejected(e.code(), e.getMessage(), e.param())));
    }

    @Test
    void rejectsAnotherTeamBeforeAskingForThePermission() {
        for (Role role : Role.values()) {
            Decision<TeamId> decision = policy.decide(caller(OTHER_TEAM, role, KeyKind.SECRET), TEAM_TEXT);
            assertThat(decision)
                    .as(role.wireName())
                    .isEqualTo(Decision.rejected(
                            ErrorCode.TEAM_ACCESS_DENIED, "This key has no access to team " + TEAM_TEXT + ".", null));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"LIBRARIAN", "AGENT", "SPECTATOR"})
    void rejectsARoleWithoutExportData(Role role) {
        assertThat(role.holds(Permission.EXPORT_DATA)).isFalse();

        Decision<TeamId> decision = policy.decide(caller(TEAM, role, KeyKind.SECRET), TEAM_TEXT);

        assertThat(decision)
                .isEqualTo(Decision.rejected(
                        ErrorCode.INSUFFICIENT_PERMISSIONS,
                        "The key's member is a " + role.wireName()
                                + "; exporting needs the export_data permission (owner, admin or manager).",
                        null));
        assertThatThrownBy(decision::orThrow).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS);
            assertThat(e.param()).isNull();
        });
    }
}
