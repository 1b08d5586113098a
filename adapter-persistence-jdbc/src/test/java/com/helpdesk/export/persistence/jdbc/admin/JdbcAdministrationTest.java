package com.helpdesk.export.persistence.jdbc.admin;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.KeyVerification;
import com.helpdesk.export.domain.port.KeyVerification.Reason;
import com.helpdesk.export.persistence.jdbc.JdbcKeyVerifier;
import com.helpdesk.export.persistence.jdbc.KeyHashing;
import com.helpdesk.export.persistence.jdbc.testsupport.MutableClock;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcAdministrationTest {

    private static final Instant START = Instant.parse("2026-11-27T14:30:00Z");
    private static final Pattern KEY_FORMAT = Pattern.compile("(sk|pk)_(live|test)_[A-Za-z0-9]{32}");

    private final DataSource database = TestPostgres.migratedDatabase();
    private final MutableClock clock = new MutableClock(START);
    private final JdbcAdministration administration = new JdbcAdministration(database, clock);

    // ---- teams and members

    @Test
    void aTeamIsCreatedWithItsNameAndTheClocksTime() throws SQLException {
        UUID team = administration.createTeam("  Acme Support  ");

        assertThat(queryRow("SELECT name, created_at FROM teams WHERE id = ?", team))
                .containsExactly("Acme Support", START.atOffset(ZoneOffset.UTC));
    }

    @Test
    void aNameIsStoredAsGivenEvenWhenItLooksLikeSql() throws SQLException {
        String name = "Robert'); DROP TABLE teams; -- ünïcødé 日本 🎫";
        UUID team = administration.createTeam(name);

        assertThat(queryRow("SELECT name FROM teams WHERE id = ?", team)).containsExactly(name);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void aMemberOfEveryRoleIsAdded(Role role) throws SQLException {
        UUID team = administration.createTeam("Acme");
        UUID member = administration.addMember(team, "Olivia", "olivia@acme.example", role);

        assertThat(queryRow("SELECT team_id, name, email, role FROM members WHERE id = ?", member))
                .containsExactly(team, "Olivia", "olivia@acme.example", role.wireName());
    }

    @Test
    void theEmailIsOptional() throws SQLException {
        UUID team = administration.createTeam("Acme");
        UUID member = administration.addMember(team, "佐藤 花子", null, Role.AGENT);

        assertThat(queryRow("SELECT name, email FROM members WHERE id = ?", member)).containsExactly("佐藤 花子", null);
    }

    @Test
    void badNamesAndEmailsAreRefusedAsInvalidInput() {
        UUID team = administration.createTeam("Acme");

        assertInvalid(() -> administration.createTeam(null), "team name must not be empty");
        assertInvalid(() -> administration.createTeam(" \t "), "team name must not be empty");
        assertInvalid(() -> administration.createTeam("a".repeat(201)), "at most 200 characters");
        assertInvalid(() -> administration.createTeam("two\nlines"), "control characters");
        assertInvalid(() -> administration.addMember(team, "", null, Role.OWNER), "member name must not be empty");
        assertInvalid(() -> administration.addMember(team, "Olivia", "not an email", Role.OWNER), "email");
        assertInvalid(() -> administration.addMember(team, "Olivia", "", Role.OWNER), "email");
        assertThat(administration.createTeam("a".repeat(200))).isNotNull();
    }

    @Test
    void anUnknownTeamIsNotFound() {
        UUID nowhere = UUID.randomUUID();

        assertNotFound(() -> administration.addMember(nowhere, "Olivia", null, Role.OWNER), "No team " + nowhere);
        assertNotFound(() -> administration.createKey(nowhere, UUID.randomUUID(), KeyKind.SECRET, Mode.LIVE,
                Optional.empty()), "No team " + nowhere);
        assertNotFound(() -> administration.listKeys(nowhere), "No team " + nowhere);
        assertNotFound(() -> administration.revokeKey(nowhere, UUID.randomUUID()), "No team " + nowhere);
    }

    // ---- keys

    static Stream<Arguments> kindsModesAndRoles() {
        List<Arguments> arguments = new ArrayList<>();
        for (KeyKind kind : KeyKind.values()) {
            for (Mode mode : Mode.values()) {
                for (Role role : Role.values()) {
                    arguments.add(Arguments.of(kind, mode, role));
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest
    @MethodSource("kindsModesAndRoles")
    void aCreatedKeyVerifiesWithItsTeamMemberRoleKindAndMode(KeyKind kind, Mode mode, Role role) {
        UUID team = administration.createTeam("Acme");
        UUID member = administration.addMember(team, "Member", null, role);

        CreatedKey created = administration.createKey(team, member, kind, mode, Optional.empty());

        String key = created.plainKey();
        assertThat(key).matches(KEY_FORMAT).startsWith(kind.prefix() + "_" + mode.wireName() + "_");
        assertThat(created.displayPrefix()).isEqualTo(key.substring(0, 12));
        assertThat(created).extracting(CreatedKey::teamId, CreatedKey::memberId, CreatedKey::role,
                CreatedKey::kind, CreatedKey::mode, CreatedKey::createdAt, CreatedKey::expiresAt)
                .containsExactly(team, member, role, kind, mode, START, Optional.empty());
        assertThat(new JdbcKeyVerifier(database, clock).verify(ApiKey.parse(key)))
                .isEqualTo(new KeyVerification.Verified(created.keyId(), new TeamId(team), member, role, kind, mode,
                        created.displayPrefix()));
    }

    @Test
    void keysAreRandomLettersAndDigitsAndNeverRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> keys = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String key = JdbcAdministration.newKey(KeyKind.SECRET, Mode.LIVE, random);
            assertThat(key).matches(KEY_FORMAT);
            assertThat(keys.add(key)).as("a new key").isTrue();
            key.substring(8).chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(62); // every letter and digit, both cases
        assertThat(ApiKey.parse(JdbcAdministration.newKey(KeyKind.PUBLISHABLE, Mode.TEST, random)).kind())
                .isEqualTo(KeyKind.PUBLISHABLE);
    }

    @Test
    void theDatabaseHoldsOnlyTheKeysHashAndDisplayPrefix() throws SQLException {
        UUID team = administration.createTeam("Acme");
        UUID member = administration.addMember(team, "Olivia", null, Role.OWNER);
        List<CreatedKey> created = new ArrayList<>();
        for (KeyKind kind : KeyKind.values()) {
            for (Mode mode : Mode.values()) {
                created.add(administration.createKey(team, member, kind, mode, Optional.of(START.plusSeconds(60))));
            }
        }

        String search = "SELECT count(*) FROM api_keys k WHERE strpos(k::text, ?) > 0 "
                + "OR position(convert_to(?, 'UTF8') IN k.key_hash) > 0";
        for (CreatedKey key : created) {
            String secret = key.plainKey().substring(12); // everything past the display prefix
            for (String part : new String[] {key.plainKey(), secret, secret.substring(0, 16), secret.substring(16)}) {
                assertThat(queryRow(search, part, part)).as(key.displayPrefix()).containsExactly(0L);
            }
            assertThat(queryRow("SELECT key_hash, display_prefix FROM api_keys WHERE id = ?", key.keyId()))
                    .containsExactly(KeyHashing.sha256(key.plainKey()), key.displayPrefix());
        }
        assertThat(queryRow("SELECT count(*) FROM api_keys")).containsExactly(4L);
    }

    @Test
    void aCreatedKeyDoesNotShowItselfInItsToString() {
        UUID team = administration.createTeam("Acme");
        UUID member = administration.addMember(team, "Olivia", null, Role.OWNER);

        CreatedKey created = administration.createKey(team, member, KeyKind.SECRET, Mode.LIVE, Optional.empty());

        assertThat(created.toString()).contains(created.displayPrefix())
                .doesNotContain(created.plainKey().substring(12));
    }

    @Test
    void aMemberOfAnotherTeamGetsNoKeyForThisOne() throws SQLException {
        UUID team = administration.createTeam("Acme");
        UUID other = administration.createTeam("Globex");
        UUID stranger = administration.addMember(other, "Gloria", null, Role.OWNER);

        assertNotFound(() -> administration.createKey(team, stranger, KeyKind.SECRET, Mode.LIVE, Optional.empty()),
                "Member " + stranger + " belongs to another team, not to team " + team + ".");
        UUID unknown = UUID.randomUUID();
        assertNotFound(() -> administration.createKey(team, unknown, KeyKind.SECRET, Mode.LIVE, Optional.empty()),
                "No member " + unknown + " in team " + team + ".");
        assertThat(queryRow("SELECT count(*) FROM api_keys")).containsExactly(0L);
    }

    @Test
    void aKeyExpiresAtItsExpiry() {
        UUID team = administration.createTeam("Acme");
        UUID member = administration.addMember(team, "Mia", null, Role.MANAGER);
        Instant expiry = START.plus(Duration.ofHours(1));

        CreatedKey created = administration.createKey(team, member, KeyKind.SECRET, Mode.TEST, Optional.of(expiry));

        assertThat(created.expiresAt()).contains(expiry);
        ApiKey key = ApiKey.parse(created.plainKey());
        assertThat(verifierAt(expiry.minusNanos(1_000)).verify(key)).isInstanceOf(KeyVerification.Verified.class);
        assertThat(verifierAt(expiry).verify(key)).isEqualTo(new KeyVerification.Rejected(Reason.EXPIRED));
        clock.set(expiry);
        assertThat(administration.listKeys(team)).singleElement()
                .satisfies(description -> assertThat(description.statusAt(clock.instant()))
                        .isEqualTo(KeyDescription.Status.EXPIRED));
    }

    @Test
    void anExpiryMustBeInTheFutureAndBeforeTheYear10000() throws SQLException {
        UUID team = administration.createTeam("Acme");
        UUID member = administration.addMember(team, "Mia", null, Role.MANAGER);

        for (Instant expiry : new Instant[] {START, START.minusSeconds(1), Instant.parse("2020-01-01T00:00:00Z")}) {
            assertInvalid(() -> administration.createKey(team, member, KeyKind.SECRET, Mode.LIVE, Optional.of(expiry)),
                    "The expiry must be in the future");
        }
        assertInvalid(() -> administration.createKey(team, member, KeyKind.SECRET, Mode.LIVE,
                Optional.of(Instant.parse("+10000-01-01T00:00:00Z"))), "before the year 10000");
        assertThat(queryRow("SELECT count(*) FROM api_keys")).containsExactly(0L);
        // a microsecond ahead is the future
        assertThat(administration.createKey(team, member, KeyKind.SECRET, Mode.LIVE,
                Optional.of(START.plusNanos(1_000))).expiresAt()).contains(START.plusNanos(1_000));
    }

    // ---- listing

    @Test
    void aTeamsKeysAreListedOldestFirstByDisplayPrefixOnly() {
        UUID team = administration.createTeam("Acme");
        UUID owner = administration.addMember(team, "Olivia", "olivia@acme.example", Role.OWNER);
        UUID agent = administration.addMember(team, "Ágúst", null, Role.AGENT);
        UUID other = administration.createTeam("Globex");
        UUID otherOwner = administration.addMember(other, "Gloria", null, Role.OWNER);
        CreatedKey first = administration.createKey(team, owner, KeyKind.SECRET, Mode.LIVE, Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        CreatedKey second = administration.createKey(team, agent, KeyKind.PUBLISHABLE, Mode.TEST,
                Optional.of(START.plus(Duration.ofDays(30))));
        CreatedKey foreign = administration.createKey(other, otherOwner, KeyKind.SECRET, Mode.LIVE, Optional.empty());

        List<KeyDescription> keys = administration.listKeys(team);

        assertThat(keys).containsExactly(
                new KeyDescription(first.keyId(), first.displayPrefix(), KeyKind.SECRET, Mode.LIVE, owner, "Olivia",
                        Role.OWNER, START, Optional.empty(), Optional.empty()),
                new KeyDescription(second.keyId(), second.displayPrefix(), KeyKind.PUBLISHABLE, Mode.TEST, agent,
                        "Ágúst", Role.AGENT, START.plus(Duration.ofMinutes(1)),
                        Optional.of(START.plus(Duration.ofDays(30))), Optional.empty()));
        for (KeyDescription key : keys) {
            assertThat(key.toString()).doesNotContain(first.plainKey().substring(12))
                    .doesNotContain(second.plainKey().substring(12))
                    .doesNotContain(HexFormat.of().formatHex(KeyHashing.sha256(first.plainKey())))
                    .doesNotContain(HexFormat.of().formatHex(KeyHashing.sha256(second.plainKey())));
            assertThat(key.statusAt(clock.instant())).isEqualTo(KeyDescription.Status.ACTIVE);
        }
        assertThat(administration.listKeys(other)).extracting(KeyDescription::keyId).containsExactly(foreign.keyId());
        assertThat(administration.listKeys(administration.createTeam("Empty"))).isEmpty();
    }

    // ---- revoking

    @Test
    void aRevokedKeyIsRefusedAsRevokedAndRevokingAgainChangesNothing() {
        UUID team = administration.createTeam("Acme");
        UUID member = administration.addMember(team, "Olivia", null, Role.OWNER);
        CreatedKey created = administration.createKey(team, member, KeyKind.SECRET, Mode.LIVE, Optional.empty());
        CreatedKey kept = administration.createKey(team, member, KeyKind.SECRET, Mode.LIVE, Optional.empty());
        clock.advance(Duration.ofMinutes(5));
        Instant revokedAt = clock.instant();

        KeyRevocation revocation = administration.revokeKey(team, created.keyId());

        assertThat(revocation).isEqualTo(new KeyRevocation(created.keyId(), created.displayPrefix(), revokedAt, false));
        JdbcKeyVerifier verifier = new JdbcKeyVerifier(database, clock);
        assertThat(verifier.verify(ApiKey.parse(created.plainKey())))
                .isEqualTo(new KeyVerification.Rejected(Reason.REVOKED));
        assertThat(verifier.verify(ApiKey.parse(kept.plainKey()))).isInstanceOf(KeyVerification.Verified.class);

        clock.advance(Duration.ofHours(1));
        assertThat(administration.revokeKey(team, created.keyId()))
                .isEqualTo(new KeyRevocation(created.keyId(), created.displayPrefix(), revokedAt, true));
        assertThat(administration.listKeys(team)).filteredOn(key -> key.keyId().equals(created.keyId()))
                .singleElement().satisfies(key -> {
                    assertThat(key.revokedAt()).contains(revokedAt);
                    assertThat(key.statusAt(clock.instant())).isEqualTo(KeyDescription.Status.REVOKED);
                });
    }

    @Test
    void anExpiredKeyCanStillBeRevoked() {
        UUID team = administration.createTeam("Acme");
        UUID member = administration.addMember(team, "Olivia", null, Role.OWNER);
        CreatedKey created = administration.createKey(team, member, KeyKind.SECRET, Mode.LIVE,
                Optional.of(START.plusSeconds(1)));
        clock.advance(Duration.ofDays(1));

        assertThat(administration.revokeKey(team, created.keyId()).alreadyRevoked()).isFalse();
        assertThat(new JdbcKeyVerifier(database, clock).verify(ApiKey.parse(created.plainKey())))
                .isEqualTo(new KeyVerification.Rejected(Reason.REVOKED));
    }

    @Test
    void onlyAKeyOfTheTeamNamedCanBeRevoked() {
        UUID team = administration.createTeam("Acme");
        UUID other = administration.createTeam("Globex");
        UUID otherOwner = administration.addMember(other, "Gloria", null, Role.OWNER);
        CreatedKey foreign = administration.createKey(other, otherOwner, KeyKind.SECRET, Mode.LIVE, Optional.empty());
        UUID unknown = UUID.randomUUID();

        assertNotFound(() -> administration.revokeKey(team, foreign.keyId()),
                "Key " + foreign.keyId() + " belongs to another team, not to team " + team + ".");
        assertNotFound(() -> administration.revokeKey(team, unknown), "No key " + unknown + " in team " + team + ".");
        assertThat(new JdbcKeyVerifier(database, clock).verify(ApiKey.parse(foreign.plainKey())))
                .isInstanceOf(KeyVerification.Verified.class);
    }

    // ---- the database

    @Test
    void anUnreachableDatabaseIsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JdbcAdministration unreachable = new JdbcAdministration(TestPostgres.unreachableDatabase(port), clock);

        assertThatThrownBy(() -> unreachable.createTeam("Acme"))
                .isInstanceOfSatisfying(AdministrationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AdministrationException.Reason.UNAVAILABLE))
                .hasMessageStartingWith("The database cannot be reached");
    }

    @Test
    void aDatabaseWithoutTheSchemaFailsWithoutQuotingTheServer() {
        JdbcAdministration empty = new JdbcAdministration(TestPostgres.emptyDatabase(), clock);

        assertThatThrownBy(() -> empty.createTeam("Acme"))
                .isInstanceOfSatisfying(AdministrationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AdministrationException.Reason.FAILED))
                .hasMessage("The database refused the command (SQLState 42P01).");
    }

    // ---- helpers

    private JdbcKeyVerifier verifierAt(Instant instant) {
        return new JdbcKeyVerifier(database, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static void assertInvalid(ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AdministrationException.class,
                e -> assertThat(e.reason()).isEqualTo(AdministrationException.Reason.INVALID_INPUT))
                .hasMessageContaining(message);
    }

    private static void assertNotFound(ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AdministrationException.class,
                e -> assertThat(e.reason()).isEqualTo(AdministrationException.Reason.NOT_FOUND))
                .hasMessageContaining(message);
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
