package com.helpdesk.export.persistence.jdbc.access;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyHash;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyStatus;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.KeyVerifier;
import com.helpdesk.export.persistence.jdbc.Connections;
import com.helpdesk.export.persistence.jdbc.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@link KeyVerifier} over the {@code api_keys} table: looks the key up by the SHA-256 of the whole key
 * ({@link KeyHash}) and joins its member for the role. The plain key is hashed at once and is never
 * logged, stored or put in an error message. A revoked key is answered {@code REVOKED} even when it has also
 * expired (the contract checks "unknown or revoked" before "expired"); a key whose {@code expires_at} is at or
 * before the clock's instant is {@code EXPIRED} (both the domain's {@link KeyStatus} rule).
 */
public final class JdbcKeyVerifier implements KeyVerifier {

    private static final String LOOKUP = "SELECT k.id, k.team_id, k.member_id, m.role, k.kind, k.mode, "
            + "k.display_prefix, k.expires_at, k.revoked_at "
            + "FROM api_keys k JOIN members m ON m.team_id = k.team_id AND m.id = k.member_id "
            + "WHERE k.key_hash = ?";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcKeyVerifier(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public KeyVerification verify(ApiKey key) {
        Objects.requireNonNull(key, "key");
        byte[] hash = KeyHash.of(key).bytes();
        try (Connection connection = Connections.open(dataSource);
                PreparedStatement statement = connection.prepareStatement(LOOKUP)) {
            statement.setBytes(1, hash);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return new KeyVerification.Rejected(KeyVerification.Reason.UNKNOWN);
                }
                return verification(key, row);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private KeyVerification verification(ApiKey key, ResultSet row) throws SQLException {
        switch (KeyStatus.at(clock.instant(), instant(row, "expires_at"), instant(row, "revoked_at"))) {
            case REVOKED:
                return new KeyVerification.Rejected(KeyVerification.Reason.REVOKED);
            case EXPIRED:
                return new KeyVerification.Rejected(KeyVerification.Reason.EXPIRED);
            case ACTIVE:
            default:
                break;
        }
        KeyKind kind = KeyKind.fromWireName(row.getString("kind")).orElseThrow(SqlErrors::inconsistentRow);
        Mode mode = Mode.fromWireName(row.getString("mode")).orElseThrow(SqlErrors::inconsistentRow);
        String displayPrefix = row.getString("display_prefix");
        if (kind != key.kind() || mode != key.mode() || !key.displayPrefix().equals(displayPrefix)) {
            // the hash matched but the row does not describe this key: never trust such a row
            return new KeyVerification.Rejected(KeyVerification.Reason.UNKNOWN);
        }
        Role role = Role.fromWireName(row.getString("role")).orElseThrow(SqlErrors::inconsistentRow);
        return new KeyVerification.Verified(
                row.getObject("id", UUID.class),
                new TeamId(row.getObject("team_id", UUID.class)),
                row.getObject("member_id", UUID.class),
                role,
                kind,
                mode,
                displayPrefix);
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
