package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.error.AdministrationException;
import com.helpdesk.export.domain.model.EmailAddress;
import com.helpdesk.export.domain.model.KeyDescription;
import com.helpdesk.export.domain.model.KeyRevocation;
import com.helpdesk.export.domain.model.MemberName;
import com.helpdesk.export.domain.model.NewKey;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.model.TeamName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where teams, members and keys are kept, for their administration. Keys arrive as {@link NewKey}s, hash and display
 * prefix only: an implementation never sees a plain key. Every refusal is an {@link AdministrationException}:
 * {@code NOT_FOUND} for a team, member or key that does not exist or belongs to another team (with a message that
 * says which), {@code UNAVAILABLE} when the store cannot be reached, {@code FAILED} when it fails the change. Each
 * call is one transaction.
 */
public interface KeyAdministrationPort {

    void createTeam(TeamId team, TeamName name, Instant createdAt);

    /** Adds a member to an existing team. */
    void addMember(
            TeamId team, UUID memberId, MemberName name, Optional<EmailAddress> email, Role role, Instant createdAt);

    /** Stores a key of a member of the team; answers the member's role. */
    Role storeKey(NewKey key);

    /** The team's keys, oldest first (then by id). */
    List<KeyDescription> listKeys(TeamId team);

    /**
     * Revokes a key of the team at {@code at}; a key that already is revoked is left as it is, and the answer says
     * when it was revoked.
     */
    KeyRevocation revokeKey(TeamId team, UUID keyId, Instant at);
}
