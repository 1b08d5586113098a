package com.helpdesk.export.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.application.port.in.AddMemberCommand;
import com.helpdesk.export.application.port.in.CreateKeyCommand;
import com.helpdesk.export.application.port.in.CreateTeamCommand;
import com.helpdesk.export.application.port.in.CreatedKey;
import com.helpdesk.export.application.port.in.KeyListing;
import com.helpdesk.export.application.port.in.RevokeKeyCommand;
import com.helpdesk.export.application.testing.InMemoryKeyStore;
import com.helpdesk.export.domain.error.AdministrationException;
import com.helpdesk.export.domain.error.AdministrationException.Reason;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.EmailAddress;
import com.helpdesk.export.domain.model.KeyHash;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyRevocation;
import com.helpdesk.export.domain.model.KeyStatus;
import com.helpdesk.export.domain.model.MemberName;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.model.TeamName;
import com.helpdesk.export.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyAdministrationServiceTest {

    private static final Instant START = Instant.parse("2026-11-27T14:30:00.123456789Z");

    private final InMemoryKeyStore store = new InMemoryKeyStore();
    private final MutableClock clock = new MutableClock(START);
    private final KeyAdministrationService service = new KeyAdministrationService(store, clock);

    @Test
    void aTeamAMemberAKeyItsListingAndItsRevocation() {
        TeamId team = service.createTeam(new CreateTeamCommand(new TeamName(" Acme ")));
        assertThat(store.teams).containsEntry(team, new TeamName("Acme"));
        UUID member = service.addMember(new AddMemberCommand(
                team, new MemberName("Olivia"), Optional.of(new EmailAddress("olivia@acme.example")), Role.OWNER));

        CreatedKey created =
                service.createKey(new CreateKeyCommand(team, member, KeyKind.SECRET, Mode.LIVE, Optional.empty()));

        assertThat(created.key().reveal()).matches("sk_live_[A-Za-z0-9]{32}");
        assertThat(created.role()).isEqualTo(Role.OWNER);
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-11-27T14:30:00.123456Z"));
        assertThat(created.toString())
                .contains(created.displayPrefix())
                .doesNotContain(created.key().reveal());
        assertThat(store.hashOf(created.keyId())).as("the port gets the hash").isEqualTo(KeyHash.of(created.key()));

        KeyListing listing = service.listKeys(team);
        assertThat(listing.keys()).singleElement().satisfies(entry -> {
            assertThat(entry.key().keyId()).isEqualTo(created.keyId());
            assertThat(entry.key().displayPrefix())
                    .isEqualTo(created.key().reveal().substring(0, 12));
            assertThat(entry.status()).isEqualTo(KeyStatus.ACTIVE);
        });

        clock.advance(Duration.ofMinutes(10));
        KeyRevocation revoked = service.revokeKey(new RevokeKeyCommand(team, created.keyId()));
        assertThat(revoked.alreadyRevoked()).isFalse();
        assertThat(revoked.revokedAt()).isEqualTo(Instant.parse("2026-11-27T14:40:00.123456Z"));
        clock.advance(Duration.ofMinutes(10));
        KeyRevocation again = service.revokeKey(new RevokeKeyCommand(team, created.keyId()));
        assertThat(again.alreadyRevoked()).isTrue();
        assertThat(again.revokedAt()).isEqualTo(revoked.revokedAt());
        assertThat(service.listKeys(team).keys())
                .singleElement()
                .satisfies(entry -> assertThat(entry.status()).isEqualTo(KeyStatus.REVOKED));
    }

    @Test
    void aKeyExpiresAtItsExpiryAndTheListingSaysSo() {
        TeamId team = service.createTeam(new CreateTeamCommand(new TeamName("Acme")));
        UUID member =
                service.addMember(new AddMemberCommand(team, new MemberName("Mia"), Optional.empty(), Role.MANAGER));
        Instant expiry = Instant.parse("2026-11-27T15:30:00Z");

        CreatedKey created = service.createKey(
                new CreateKeyCommand(team, member, KeyKind.PUBLISHABLE, Mode.TEST, Optional.of(expiry)));

        assertThat(created.key().reveal()).startsWith("pk_test_");
        assertThat(created.expiresAt()).contains(expiry);
        clock.set(expiry);
        KeyListing listing = service.listKeys(team);
        assertThat(listing.at()).isEqualTo(expiry);
        assertThat(listing.keys())
                .singleElement()
                .satisfies(entry -> assertThat(entry.status()).isEqualTo(KeyStatus.EXPIRED));
    }

    @Test
    void anExpiryNotInTheFutureIsRefusedBeforeAnythingIsStored() {
        TeamId team = service.createTeam(new CreateTeamCommand(new TeamName("Acme")));
        UUID member =
                service.addMember(new AddMemberCommand(team, new MemberName("Mia"), Optional.empty(), Role.MANAGER));

        assertThatThrownBy(() -> service.createKey(new CreateKeyCommand(
                        team, member, KeyKind.SECRET, Mode.LIVE, Optional.of(START.minusSeconds(1)))))
                .isInstanceOfSatisfying(
                        AdministrationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT))
                .hasMessageStartingWith("The expiry must be in the future");
        assertThat(store.keys).isEmpty();
    }

    @Test
    void thePortsRefusalsReachTheCallerAsTheyAre() {
        TeamId team = service.createTeam(new CreateTeamCommand(new TeamName("Acme")));
        TeamId other = service.createTeam(new CreateTeamCommand(new TeamName("Globex")));
        UUID stranger =
                service.addMember(new AddMemberCommand(other, new MemberName("Gloria"), Optional.empty(), Role.OWNER));
        TeamId unknown = new TeamId(UUID.randomUUID());

        assertThatThrownBy(() -> service.createKey(
                        new CreateKeyCommand(team, stranger, KeyKind.SECRET, Mode.LIVE, Optional.empty())))
                .isInstanceOf(AdministrationException.class)
                .hasMessage("Member " + stranger + " belongs to another team, not to team " + team + ".");
        assertThatThrownBy(() -> service.listKeys(unknown)).hasMessage("No team " + unknown + ".");
        assertThatThrownBy(() -> service.addMember(
                        new AddMemberCommand(unknown, new MemberName("x"), Optional.empty(), Role.AGENT)))
                .hasMessage("No team " + unknown + ".");
        assertThat(store.keys).isEmpty();
    }

    @Test
    void keysComeFromTheRandomGivenAndDifferFromOneAnother() {
        KeyAdministrationService seeded = new KeyAdministrationService(store, clock, new java.util.Random(7));
        TeamId team = seeded.createTeam(new CreateTeamCommand(new TeamName("Acme")));
        UUID member = seeded.addMember(new AddMemberCommand(team, new MemberName("Mia"), Optional.empty(), Role.ADMIN));
        ApiKey first = seeded.createKey(new CreateKeyCommand(team, member, KeyKind.SECRET, Mode.LIVE, Optional.empty()))
                .key();
        ApiKey second = seeded.createKey(
                        new CreateKeyCommand(team, member, KeyKind.SECRET, Mode.LIVE, Optional.empty()))
                .key();
        assertThat(first).isNotEqualTo(second);
        assertThat(ApiKey.generate(KeyKind.SECRET, Mode.LIVE, new java.util.Random(7)))
                .isEqualTo(first);
    }
}
