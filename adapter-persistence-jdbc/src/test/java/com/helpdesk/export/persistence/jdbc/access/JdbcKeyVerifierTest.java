package com.helpdesk.export.persistence.jdbc.access;

import static com.helpdesk.export.demo.DemoDataset.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyHash;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.KeyVerification.Reason;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import com.helpdesk.export.persistence.jdbc.testsupport.TestSql;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcKeyVerifierTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T14:30:00Z"), ZoneOffset.UTC);

    private final JdbcKeyVerifier verifier = new JdbcKeyVerifier(TestPostgres.demoDatabase(), NOW);

    static Stream<Arguments> validKeys() {
        return Stream.of(
                Arguments.of(LIVE_SECRET_KEY, DEMO_TEAM_ID, DEMO_OWNER_ID, Role.OWNER, KeyKind.SECRET, Mode.LIVE),
                Arguments.of(TEST_SECRET_KEY, DEMO_TEAM_ID, DEMO_ADMIN_ID, Role.ADMIN, KeyKind.SECRET, Mode.TEST),
                Arguments.of(ADMIN_SECRET_KEY, DEMO_TEAM_ID, DEMO_ADMIN_ID, Role.ADMIN, KeyKind.SECRET, Mode.LIVE),
                Arguments.of(
                        MANAGER_SECRET_KEY, DEMO_TEAM_ID, DEMO_MANAGER_ID, Role.MANAGER, KeyKind.SECRET, Mode.LIVE),
                Arguments.of(AGENT_SECRET_KEY, DEMO_TEAM_ID, DEMO_AGENT_ID, Role.AGENT, KeyKind.SECRET, Mode.LIVE),
                Arguments.of(
                        LIBRARIAN_SECRET_KEY,
                        DEMO_TEAM_ID,
                        DEMO_LIBRARIAN_ID,
                        Role.LIBRARIAN,
                        KeyKind.SECRET,
                        Mode.LIVE),
                Arguments.of(
                        SPECTATOR_SECRET_KEY,
                        DEMO_TEAM_ID,
                        DEMO_SPECTATOR_ID,
                        Role.SPECTATOR,
                        KeyKind.SECRET,
                        Mode.LIVE),
                Arguments.of(PUBLISHABLE_KEY, DEMO_TEAM_ID, DEMO_OWNER_ID, Role.OWNER, KeyKind.PUBLISHABLE, Mode.LIVE),
                Arguments.of(
                        TEST_PUBLISHABLE_KEY, DEMO_TEAM_ID, DEMO_OWNER_ID, Role.OWNER, KeyKind.PUBLISHABLE, Mode.TEST),
                Arguments.of(
                        OTHER_TEAM_LIVE_SECRET_KEY,
                        OTHER_TEAM_ID,
                        OTHER_OWNER_ID,
                        Role.OWNER,
                        KeyKind.SECRET,
                        Mode.LIVE),
                Arguments.of(
                        OTHER_TEAM_TEST_SECRET_KEY,
                        OTHER_TEAM_ID,
                        OTHER_OWNER_ID,
                        Role.OWNER,
                        KeyKind.SECRET,
                        Mode.TEST));
    }

    @ParameterizedTest
    @MethodSource("validKeys")
    void aValidDemoKeyIsVerifiedWithItsTeamMemberRoleKindAndMode(
            String key, UUID team, UUID member, Role role, KeyKind kind, Mode mode) {
        KeyVerification verification = verifier.verify(ApiKey.parse(key));

        assertThat(verification).isInstanceOfSatisfying(KeyVerification.Verified.class, verified -> {
            assertThat(verified.team()).isEqualTo(new TeamId(team));
            assertThat(verified.memberId()).isEqualTo(member);
            assertThat(verified.role()).isEqualTo(role);
            assertThat(verified.kind()).isEqualTo(kind);
            assertThat(verified.mode()).isEqualTo(mode);
            assertThat(verified.displayPrefix()).isEqualTo(key.substring(0, 12));
            assertThat(verified.keyId()).isNotNull();
        });
    }

    @Test
    void theRevokedKeyIsRejectedAsRevoked() {
        assertThat(verifier.verify(ApiKey.parse(REVOKED_SECRET_KEY)))
                .isEqualTo(new KeyVerification.Rejected(Reason.REVOKED));
    }

    @Test
    void theExpiredKeyIsRejectedAsExpired() {
        assertThat(verifier.verify(ApiKey.parse(EXPIRED_SECRET_KEY)))
                .isEqualTo(new KeyVerification.Rejected(Reason.EXPIRED));
    }

    @Test
    void aKeyExpiresAtItsExpiryInstantNotAMicrosecondBefore() {
        Instant expiry = Instant.parse("2025-01-01T00:00:00Z"); // the demo expired key's expires_at
        DataSource demo = TestPostgres.demoDatabase();

        assertThat(new JdbcKeyVerifier(demo, Clock.fixed(expiry, ZoneOffset.UTC))
                        .verify(ApiKey.parse(EXPIRED_SECRET_KEY)))
                .isEqualTo(new KeyVerification.Rejected(Reason.EXPIRED));
        assertThat(new JdbcKeyVerifier(demo, Clock.fixed(expiry.minusNanos(1_000), ZoneOffset.UTC))
                        .verify(ApiKey.parse(EXPIRED_SECRET_KEY)))
                .isInstanceOf(KeyVerification.Verified.class);
        // the manager's key expires in 2099
        assertThat(new JdbcKeyVerifier(demo, Clock.fixed(Instant.parse("2099-01-01T00:00:00Z"), ZoneOffset.UTC))
                        .verify(ApiKey.parse(MANAGER_SECRET_KEY)))
                .isEqualTo(new KeyVerification.Rejected(Reason.EXPIRED));
    }

    @Test
    void anUnknownKeyIsRejectedAsUnknown() {
        assertThat(verifier.verify(ApiKey.parse("sk_live_" + "Zz9".repeat(10))))
                .isEqualTo(new KeyVerification.Rejected(Reason.UNKNOWN));
        // one character off
        String almost = LIVE_SECRET_KEY.substring(0, LIVE_SECRET_KEY.length() - 1) + "X";
        assertThat(verifier.verify(ApiKey.parse(almost))).isEqualTo(new KeyVerification.Rejected(Reason.UNKNOWN));
        // the same secret under another prefix is another key
        assertThat(verifier.verify(ApiKey.parse("sk_test_" + LIVE_SECRET_KEY.substring(8))))
                .isEqualTo(new KeyVerification.Rejected(Reason.UNKNOWN));
    }

    @Test
    void aKeyBothRevokedAndExpiredIsRevoked() throws SQLException {
        DataSource dataSource = TestPostgres.migratedDatabase();
        String key = "sk_live_BothRevokedAndExpired0123";
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO api_keys (id, team_id, member_id, "
                                + "key_hash, display_prefix, kind, mode, expires_at, revoked_at) VALUES (gen_random_uuid(), "
                                + "'7e000000-0000-4000-8000-000000000001', '7e000000-0000-4000-8000-000000000002', ?, ?, "
                                + "'secret', 'live', timestamptz '2020-01-01T00:00:00Z', timestamptz '2021-01-01T00:00:00Z')")) {
            statement.execute("INSERT INTO teams (id, name) VALUES ('7e000000-0000-4000-8000-000000000001', 't')");
            statement.execute("INSERT INTO members (id, team_id, name, role) VALUES "
                    + "('7e000000-0000-4000-8000-000000000002', '7e000000-0000-4000-8000-000000000001', 'm', 'owner')");
            insert.setBytes(1, KeyHash.of(ApiKey.parse(key)).bytes());
            insert.setString(2, ApiKey.parse(key).displayPrefix());
            insert.executeUpdate();
        }

        assertThat(new JdbcKeyVerifier(dataSource, NOW).verify(ApiKey.parse(key)))
                .isEqualTo(new KeyVerification.Rejected(Reason.REVOKED));
    }

    @Test
    void theDatabaseHoldsNoPlainKey() throws SQLException {
        String sql = "SELECT count(*) FROM api_keys k WHERE strpos(k::text, ?) > 0 "
                + "OR position(convert_to(?, 'UTF8') IN k.key_hash) > 0";
        for (String key : new String[] {
            LIVE_SECRET_KEY,
            TEST_SECRET_KEY,
            PUBLISHABLE_KEY,
            AGENT_SECRET_KEY,
            MANAGER_SECRET_KEY,
            REVOKED_SECRET_KEY,
            EXPIRED_SECRET_KEY,
            OTHER_TEAM_LIVE_SECRET_KEY
        }) {
            String secret = key.substring(12); // everything past the display prefix
            assertThat(TestSql.count(TestPostgres.demoDatabase(), sql, secret, secret))
                    .as(key.substring(0, 12))
                    .isZero();
        }
        try (Connection connection = TestPostgres.demoDatabase().getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT display_prefix FROM api_keys WHERE key_hash = ?")) {
            statement.setBytes(1, KeyHash.of(ApiKey.parse(LIVE_SECRET_KEY)).bytes());
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("sk_live_OWNR");
            }
        }
        assertThat(new String(KeyHash.of(ApiKey.parse(LIVE_SECRET_KEY)).bytes(), StandardCharsets.ISO_8859_1))
                .doesNotContain(LIVE_SECRET_KEY.substring(12));
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JdbcKeyVerifier unreachable = new JdbcKeyVerifier(TestPostgres.unreachableDatabase(port), NOW);

        assertThatThrownBy(() -> unreachable.verify(ApiKey.parse(LIVE_SECRET_KEY)))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain(LIVE_SECRET_KEY.substring(12));
                });
    }
}
