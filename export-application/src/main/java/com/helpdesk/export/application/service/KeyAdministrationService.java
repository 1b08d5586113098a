package com.helpdesk.export.application.service;

import com.helpdesk.export.application.port.in.AddMemberCommand;
import com.helpdesk.export.application.port.in.CreateKeyCommand;
import com.helpdesk.export.application.port.in.CreateTeamCommand;
import com.helpdesk.export.application.port.in.CreatedKey;
import com.helpdesk.export.application.port.in.KeyAdministrationUseCase;
import com.helpdesk.export.application.port.in.KeyListing;
import com.helpdesk.export.application.port.in.RevokeKeyCommand;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyDescription;
import com.helpdesk.export.domain.model.KeyExpiry;
import com.helpdesk.export.domain.model.KeyRevocation;
import com.helpdesk.export.domain.model.NewKey;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.KeyAdministrationPort;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Administers teams, members and keys over a {@link KeyAdministrationPort}. A key is made here ({@link
 * ApiKey#generate}, from a {@link SecureRandom}), handed back once in the {@link CreatedKey} and given to the port only
 * as its hash and display prefix ({@link NewKey}). Ids are random UUIDs; times come from the clock, kept to the
 * microsecond (what the database keeps, so that what is answered is what is stored).
 */
public final class KeyAdministrationService implements KeyAdministrationUseCase {

    private final KeyAdministrationPort port;
    private final Clock clock;
    private final RandomGenerator random;

    public KeyAdministrationService(KeyAdministrationPort port, Clock clock) {
        this(port, clock, new SecureRandom());
    }

    /** @param random where keys' secrets come from: a {@link SecureRandom} for any key handed out */
    public KeyAdministrationService(KeyAdministrationPort port, Clock clock, RandomGenerator random) {
        this.port = Objects.requireNonNull(port, "port");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public TeamId createTeam(CreateTeamCommand command) {
        Objects.requireNonNull(command, "command");
        TeamId team = new TeamId(UUID.randomUUID());
        port.createTeam(team, command.name(), now());
        return team;
    }

    @Override
    public UUID addMember(AddMemberCommand command) {
        Objects.requireNonNull(command, "command");
        UUID member = UUID.randomUUID();
        port.addMember(command.team(), member, command.name(), command.email(), command.role(), now());
        return member;
    }

    @Override
    public CreatedKey createKey(CreateKeyCommand command) {
        Objects.requireNonNull(command, "command");
        Instant now = now();
        Optional<KeyExpiry> expiry = command.expiresAt().map(requested -> KeyExpiry.of(requested, now));
        ApiKey key = ApiKey.generate(command.kind(), command.mode(), random);
        UUID keyId = UUID.randomUUID();
        Role role = port.storeKey(NewKey.of(key, keyId, command.team(), command.memberId(), now, expiry));
        return new CreatedKey(keyId, command.team(), command.memberId(), role, key, now, expiry.map(KeyExpiry::value));
    }

    @Override
    public KeyListing listKeys(TeamId team) {
        Objects.requireNonNull(team, "team");
        List<KeyDescription> keys = port.listKeys(team);
        Instant now = now();
        return new KeyListing(
                team,
                now,
                keys.stream()
                        .map(key -> new KeyListing.Entry(key, key.statusAt(now)))
                        .toList());
    }

    @Override
    public KeyRevocation revokeKey(RevokeKeyCommand command) {
        Objects.requireNonNull(command, "command");
        return port.revokeKey(command.team(), command.keyId(), now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
