package com.helpdesk.export.application.testing;

import com.helpdesk.export.domain.error.AdministrationException;
import com.helpdesk.export.domain.error.AdministrationException.Reason;
import com.helpdesk.export.domain.model.EmailAddress;
import com.helpdesk.export.domain.model.KeyDescription;
import com.helpdesk.export.domain.model.KeyExpiry;
import com.helpdesk.export.domain.model.KeyHash;
import com.helpdesk.export.domain.model.KeyRevocation;
import com.helpdesk.export.domain.model.MemberName;
import com.helpdesk.export.domain.model.NewKey;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.model.TeamName;
import com.helpdesk.export.domain.port.KeyAdministrationPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link KeyAdministrationPort} in memory, with the refusals the port's contract names; shared by the tests of the
 * application and of the CLI (this module's test jar).
 */
public final class InMemoryKeyStore implements KeyAdministrationPort {

    public record Member(TeamId team, MemberName name, Optional<EmailAddress> email, Role role) {}

    public static final class Key {
        public final NewKey stored;
        public Instant revokedAt;

        Key(NewKey stored) {
            this.stored = stored;
        }
    }

    public final Map<TeamId, TeamName> teams = new LinkedHashMap<>();
    public final Map<UUID, Member> members = new LinkedHashMap<>();
    public final Map<UUID, Key> keys = new LinkedHashMap<>();

    @Override
    public void createTeam(TeamId team, TeamName name, Instant createdAt) {
        teams.put(team, name);
    }

    @Override
    public void addMember(
            TeamId team, UUID memberId, MemberName name, Optional<EmailAddress> email, Role role, Instant createdAt) {
        requireTeam(team);
        members.put(memberId, new Member(team, name, email, role));
    }

    @Override
    public Role storeKey(NewKey key) {
        Member member = members.get(key.memberId());
        if (member == null || !member.team().equals(key.team())) {
            requireTeam(key.team());
            throw new AdministrationException(
                    Reason.NOT_FOUND,
                    member == null
                            ? "No member " + key.memberId() + " in team " + key.team() + "."
                            : "Member " + key.memberId() + " belongs to another team, not to team " + key.team() + ".");
        }
        keys.put(key.keyId(), new Key(key));
        return member.role();
    }

    @Override
    public List<KeyDescription> listKeys(TeamId team) {
        requireTeam(team);
        List<KeyDescription> list = new ArrayList<>();
        for (Key key : keys.values()) {
            if (key.stored.team().equals(team)) {
                Member member = members.get(key.stored.memberId());
                list.add(new KeyDescription(
                        key.stored.keyId(),
                        key.stored.displayPrefix(),
                        key.stored.kind(),
                        key.stored.mode(),
                        key.stored.memberId(),
                        member.name().value(),
                        member.role(),
                        key.stored.createdAt(),
                        key.stored.expiresAt().map(KeyExpiry::value),
                        Optional.ofNullable(key.revokedAt)));
            }
        }
        return list;
    }

    @Override
    public KeyRevocation revokeKey(TeamId team, UUID keyId, Instant at) {
        Key key = keys.get(keyId);
        if (key == null || !key.stored.team().equals(team)) {
            requireTeam(team);
            throw new AdministrationException(
                    Reason.NOT_FOUND,
                    key == null
                            ? "No key " + keyId + " in team " + team + "."
                            : "Key " + keyId + " belongs to another team, not to team " + team + ".");
        }
        boolean already = key.revokedAt != null;
        if (!already) {
            key.revokedAt = at;
        }
        return new KeyRevocation(keyId, key.stored.displayPrefix(), key.revokedAt, already);
    }

    public KeyHash hashOf(UUID keyId) {
        return keys.get(keyId).stored.hash();
    }

    private void requireTeam(TeamId team) {
        if (!teams.containsKey(team)) {
            throw new AdministrationException(Reason.NOT_FOUND, "No team " + team + ".");
        }
    }
}
