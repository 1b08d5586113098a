package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.KeyRevocation;
import com.helpdesk.export.domain.model.TeamId;
import java.util.UUID;

/**
 * Administration of teams, members and API keys: what the admin command line (or any other front) calls. Every
 * refusal is a {@link com.helpdesk.export.domain.error.AdministrationException}: {@code INVALID_INPUT} for a value
 * that can never be right (an expiry not in the future; names and emails are refused already when their commands are
 * built), {@code NOT_FOUND} for a team, member or key that does not exist or belongs to another team,
 * {@code UNAVAILABLE} and {@code FAILED} for the store.
 */
public interface KeyAdministrationUseCase {

    /** Creates a team; answers its new id. */
    TeamId createTeam(CreateTeamCommand command);

    /** Adds a member to a team; answers the member's new id. */
    UUID addMember(AddMemberCommand command);

    /**
     * Creates a key for a member of the team. The answer holds the plain key: it exists nowhere else, so show it once
     * and drop it.
     */
    CreatedKey createKey(CreateKeyCommand command);

    /** The team's keys, oldest first, by display prefix (never a key, never a hash), with their status now. */
    KeyListing listKeys(TeamId team);

    /** Revokes a key of the team from now on; revoking it again changes nothing. */
    KeyRevocation revokeKey(RevokeKeyCommand command);
}
