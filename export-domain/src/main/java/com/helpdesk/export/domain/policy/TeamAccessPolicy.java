package com.helpdesk.export.domain.policy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.Permission;
import com.helpdesk.export.domain.model.TeamId;

/**
 * Whether a verified key may export the team it names, asked in this order: only a secret key exports (a publishable
 * key is refused whatever the team); the team id is a UUID; the key belongs to that team; the key's member holds the
 * export_data permission (owner, admin, manager). Allowed, it answers the team.
 */
public final class TeamAccessPolicy {

    /** The path parameter that names the team. */
    static final String TEAM_PARAM = "teamId";

    public Decision<TeamId> decide(KeyVerification.Verified caller, String teamId) {
        if (caller.kind() != KeyKind.SECRET) {
            return Decision.rejected(ErrorCode.INSUFFICIENT_PERMISSIONS, "Secret key required for this endpoint", null);
        }
        TeamId team;
        try {
            team = TeamId.parse(teamId, TEAM_PARAM);
        } catch (ExportException malformed) {
            // the team id's own rule and message
            return Decision.rejected(malformed.code(), malformed.getMessage(), malformed.param());
        }
        if (!caller.team().equals(team)) {
            return Decision.rejected(
                    ErrorCode.TEAM_ACCESS_DENIED, "This key has no access to team " + team + ".", null);
        }
        if (!caller.role().holds(Permission.EXPORT_DATA)) {
            return Decision.rejected(
                    ErrorCode.INSUFFICIENT_PERMISSIONS,
                    "The key's member is a " + caller.role().wireName()
                            + "; exporting needs the export_data permission (owner, admin or manager).",
                    null);
        }
        return Decision.allowed(team);
    }
}
