package com.helpdesk.export.persistence.jdbc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.application.port.in.AddMemberCommand;
import com.helpdesk.export.application.port.in.CreateKeyCommand;
import com.helpdesk.export.application.port.in.CreateTeamCommand;
import com.helpdesk.export.application.port.in.CreatedKey;
import com.helpdesk.export.application.port.in.KeyListing;
import com.helpdesk.export.application.port.in.RevokeKeyCommand;
import com.helpdesk.export.application.service.KeyAdministrationService;
import com.helpdesk.export.domain.error.AdministrationException;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.EmailAddress;
import com.helpdesk.export.domain.model.KeyExpiry;
import com.helpdesk.export.domain.model.KeyHash;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyRevocation;
import com.helpdesk.export.domain.model.KeyStatus;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.KeyVerification.Reason;
import com.helpdesk.export.domain.model.MemberName;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.NewKey;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.model.TeamName;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import com.helpdesk.export.testsupport.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link JdbcKeyAdministration} port on a real PostgreSQL, alone and under the {@link KeyAdministrationService}:
 * what it stores is exactly what {@link JdbcKeyVerifier} finds, and only a key's hash and display prefix are kept.
 */
class JdbcKeyAdministrationTest {

    private static final Instant START = Instant.parse("2026-11-27T14:30:00Z");

    private final DataSource database = TestPostgres.migratedDatabase();
    private final MutableClock clock = new MutableClock(START);
    private final JdbcKeyAdministration port = new JdbcKeyAdministration(database);
    private final KeyAdministrationService service = new KeyAdministrationService(port, clock);

    private TeamId team(String name) {
        return service.createTeam(new CreateTeamCommand(new TeamName(name)));
    }

    private UUID member(TeamId team, String name, Role role) {
        return service.addMember(new AddMemberCommand(team, new MemberName(name), Optional.empty(), role));
    }

    private CreatedKey key(TeamId team, UUID member, KeyKind kind, Mode mode, Optional<Instant> expiry) {
        return service.createKey(new CreateKeyCommand(team, member, kind, mode, expiry));
    }

    // ---- teams and members

    @Test
    void teamsAndMembersAreStoredAsGivenEvenWhenTheyLookLikeSql() throws SQLException {
        TeamId team = team("  Robert'); DROP TABLE teams;-- ");
        UUID member = service.addMember(new AddMemberCommand(
                team, new MemberName("Olivia"), Optional.of(new EmailAddress("olivia@acme.example")), Role.OWNER));
        UUID silent = member(team, "Sam", Role.SPECTATOR);

        assertThat(queryRow("SELECT name, created_at FROM teams WHERE id = ?", team.value()))
                .containsExactly("Robert'); DROP TABLE teams;--", START.atOffset(ZoneOffset.UTC));
        assertThat(queryRow("SELECT team_id, name, email, role FROM members WHERE id = ?", member))
                .containsExactly(team.value(), "Olivia", "olivia@acme.example", "owner");
        assertThat(queryRow("SELECT email, role FROM members WHERE id = ?", silent))
                .containsExactly(null, "spectator");
    }

    @Test
    void anUnknownTeamIsNotFound() {
        TeamId unknown = new TeamId(UUID.randomUUID());

        assertNotFound(() -> member(unknown, "x", Role.OWNER), "No team " + unknown + ".");
        assertNotFound(() -> service.listKeys(unknown), "No team " + unknown + ".");
        assertNotFound(
                () -> service.revokeKey(new RevokeKeyCommand(unknown, UUID.randomUUID())), "No team " + unknown + ".");
        assertNotFound(
                () -> key(unknown, UUID.randomUUID(), KeyKind.SECRET, Mode.LIVE, Optional.empty()),
                "No team " + unknown + ".");
    }

    // ---- keys

    @ParameterizedTest
    @EnumSource(Role.class)
    void aCreatedKeyVerifiesWithItsTeamMemberRoleKindAndMode(Role role) {
        TeamId team = team("Acme");
        UUID member = member(team, "M", role);
        for (KeyKind kind : KeyKind.values()) {
            for (Mode mode : Mode.values()) {
                CreatedKey created = key(team, member, kind, mode, Optional.empty());

                assertThat(created.role()).isEqualTo(role);
                assertThat(new JdbcKeyVerifier(database, clock).verify(created.key()))
                        .isEqualTo(new KeyVerification.Verified(
                                created.keyId(), team, member, role, kind, mode, created.displayPrefix()));
            }
        }
    }

    @Test
    void theDatabaseHoldsOnlyTheKeysHashAndDisplayPrefix() throws SQLException {
        TeamId team = team("Acme");
        UUID member = member(team, "Olivia", Role.OWNER);
        CreatedKey key = key(team, member, KeyKind.SECRET, Mode.LIVE, Optional.empty());
        String secret = key.key().reveal().substring(12);

        assertThat(queryRow(
                        "SELECT count(*) FROM api_keys k WHERE strpos(k::text, ?) > 0 "
                                + "OR position(convert_to(?, 'UTF8') IN k.key_hash) > 0",
                        secret,
                        secret))
                .containsExactly(0L);
        assertThat(queryRow(
                        "SELECT key_hash, display_prefix, kind, mode, created_at, expires_at FROM api_keys "
                                + "WHERE id = ?",
                        key.keyId()))
                .containsExactly(
                        KeyHash.of(key.key()).bytes(),
                        key.displayPrefix(),
                        "secret",
                        "live",
                        START.atOffset(ZoneOffset.UTC),
                        null);
    }

    @Test
    void theStoredKindAndModeAreTheDomainsWireNames() throws SQLException {
        TeamId team = team("Acme");
        UUID member = member(team, "Olivia", Role.OWNER);
        ApiKey key = ApiKey.parse("pk_test_AbCdEfGhIjKlMnOpQrSt");
        UUID keyId = UUID.randomUUID();

        Role role = port.storeKey(
                NewKey.of(key, keyId, team, member, START, Optional.of(KeyExpiry.of(START.plusSeconds(60), START))));

        assertThat(role).isEqualTo(Role.OWNER);
        assertThat(queryRow("SELECT kind, mode, display_prefix, expires_at FROM api_keys WHERE id = ?", keyId))
                .containsExactly(
                        "publishable",
                        "test",
                        "pk_test_AbCd",
                        START.plusSeconds(60).atOffset(ZoneOffset.UTC));
        assertThat(port.listKeys(team)).singleElement().satisfies(description -> {
            assertThat(description.kind()).isEqualTo(KeyKind.PUBLISHABLE);
            assertThat(description.mode()).isEqualTo(Mode.TEST);
            assertThat(description.memberName()).isEqualTo("Olivia");
        });
    }

    @Test
    void aMemberOfAnotherTeamGetsNoKeyForThisOne() throws SQLException {
        TeamId team = team("Acme");
        TeamId other = team("Globex");
        UUID stranger = member(other, "Gloria", Role.OWNER);
        UUID unknown = UUID.randomUUID();

        assertNotFound(
                () -> key(team, stranger, KeyKind.SECRET, Mode.LIVE, Optional.empty()),
                "Member " + stranger + " belongs to another team, not to team " + team + ".");
        assertNotFound(
                () -> key(team, unknown, KeyKind.SECRET, Mode.LIVE, Optional.empty()),
                "No member " + unknown + " in team " + team + ".");
        assertThat(queryRow("SELECT count(*) FROM api_keys")).containsExactly(0L);
    }

    @Test
    void aKeyExpiresAtItsExpiryForTheVerifierAndTheList() {
        TeamId team = team("Acme");
        UUID member = member(team, "Mia", Role.MANAGER);
        Instant expiry = START.plus(Duration.ofHours(1));

        CreatedKey created = key(team, member, KeyKind.SECRET, Mode.TEST, Optional.of(expiry));

        assertThat(verifierAt(expiry.minusNanos(1_000)).verify(created.key()))
                .isInstanceOf(KeyVerification.Verified.class);
        assertThat(verifierAt(expiry).verify(created.key())).isEqualTo(new KeyVerification.Rejected(Reason.EXPIRED));
        clock.set(expiry);
        assertThat(service.listKeys(team).keys())
                .singleElement()
                .satisfies(entry -> assertThat(entry.status()).isEqualTo(KeyStatus.EXPIRED));
    }

    @Test
    void aTeamsKeysAreListedOldestFirstByDisplayPrefixOnly() {
        TeamId team = team("Acme");
        UUID owner = member(team, "Olivia", Role.OWNER);
        UUID agent = member(team, "Ágúst", Role.AGENT);
        CreatedKey first = key(team, owner, KeyKind.SECRET, Mode.LIVE, Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        CreatedKey second = key(team, agent, KeyKind.PUBLISHABLE, Mode.TEST, Optional.of(START.plusSeconds(3600)));
        TeamId other = team("Globex");
        key(other, member(other, "Gloria", Role.OWNER), KeyKind.SECRET, Mode.LIVE, Optional.empty());

        KeyListing listing = service.listKeys(team);

        assertThat(listing.keys())
                .extracting(entry -> entry.key().keyId())
                .containsExactly(first.keyId(), second.keyId());
        KeyListing.Entry last = listing.keys().get(1);
        assertThat(last.key().displayPrefix()).isEqualTo(second.displayPrefix());
        assertThat(last.key().memberName()).isEqualTo("Ágúst");
        assertThat(last.key().role()).isEqualTo(Role.AGENT);
        assertThat(last.key().createdAt()).isEqualTo(START.plusSeconds(60));
        assertThat(last.key().expiresAt()).contains(START.plusSeconds(3600));
        assertThat(last.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(listing.toString())
                .doesNotContain(first.key().reveal().substring(12))
                .doesNotContain(HexFormat.of().formatHex(KeyHash.of(first.key()).bytes()));
    }

    @Test
    void aRevokedKeyIsRefusedAsRevokedAndRevokingAgainChangesNothing() {
        TeamId team = team("Acme");
        CreatedKey created = key(team, member(team, "Olivia", Role.OWNER), KeyKind.SECRET, Mode.LIVE, Optional.empty());
        clock.advance(Duration.ofMinutes(10));

        KeyRevocation revoked = service.revokeKey(new RevokeKeyCommand(team, created.keyId()));
        clock.advance(Duration.ofMinutes(10));
        KeyRevocation again = service.revokeKey(new RevokeKeyCommand(team, created.keyId()));

        assertThat(revoked)
                .isEqualTo(new KeyRevocation(created.keyId(), created.displayPrefix(), START.plusSeconds(600), false));
        assertThat(again)
                .isEqualTo(new KeyRevocation(created.keyId(), created.displayPrefix(), START.plusSeconds(600), true));
        assertThat(new JdbcKeyVerifier(database, clock).verify(created.key()))
                .isEqualTo(new KeyVerification.Rejected(Reason.REVOKED));
    }

    @Test
    void onlyAKeyOfTheTeamNamedCanBeRevoked() {
        TeamId team = team("Acme");
        TeamId other = team("Globex");
        CreatedKey theirs =
                key(other, member(other, "Gloria", Role.OWNER), KeyKind.SECRET, Mode.LIVE, Optional.empty());
        UUID unknown = UUID.randomUUID();

        assertNotFound(
                () -> service.revokeKey(new RevokeKeyCommand(team, theirs.keyId())),
                "Key " + theirs.keyId() + " belongs to another team, not to team " + team + ".");
        assertNotFound(
                () -> service.revokeKey(new RevokeKeyCommand(team, unknown)),
                "No key " + unknown + " in team " + team + ".");
        assertThat(new JdbcKeyVerifier(database, clock).verify(theirs.key()))
                .isInstanceOf(KeyVerification.Verified.class);
    }

    // ---- the database

    @Test
    void anUnreachableDatabaseIsUnavailable() throws IOException {
        int unused;
        try (ServerSocket socket = new ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        JdbcKeyAdministration unreachable = new JdbcKeyAdministration(TestPostgres.unreachableDatabase(unused));

        assertThatThrownBy(() -> unreachable.createTeam(new TeamId(UUID.randomUUID()), new TeamName("Acme"), START))
                .isInstanceOfSatisfying(
                        AdministrationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AdministrationException.Reason.UNAVAILABLE))
                .hasMessageStartingWith("The database cannot be reached");
    }

    @Test
    void aDatabaseWithoutTheSchemaFailsWithoutQuotingTheServer() {
        JdbcKeyAdministration empty = new JdbcKeyAdministration(TestPostgres.emptyDatabase());

        assertThatThrownBy(() -> empty.createTeam(new TeamId(UUID.randomUUID()), new TeamName("Acme"), START))
                .isInstanceOfSatisfying(
                        AdministrationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AdministrationException.Reason.FAILED))
                .hasMessage("The database refused the command (SQLState 42P01).");
    }

    // ---- helpers

    private JdbcKeyVerifier verifierAt(Instant instant) {
        return new JdbcKeyVerifier(database, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        AdministrationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AdministrationException.Reason.NOT_FOUND))
                .hasMessage(message);
    }

    private List<Object> queryRow(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("a row").isTrue();
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    String type = row.getMetaData().getColumnTypeName(i);
                    values.add(type.equals("timestamptz") ? row.getObject(i, OffsetDateTime.class) : row.getObject(i));
                }
                assertThat(row.next()).as("one row only").isFalse();
                return values;
            }
        }
    }
}
