package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.KeyVerification;
import com.helpdesk.export.domain.port.KeyVerifier;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link KeyVerifier} over the {@code api_keys} table: looks the key up by the SHA-256 of the whole key
 * ({@link KeyHashing#sha256}) and joins its member for the role. The plain key is hashed at once and is never
 * logged, stored or put in an error message. A revoked key is answered {@code REVOKED} even when it has also
 * expired (the contract checks "unknown or revoked" before "expired"); a key whose {@code expires_at} is at or
 * before the clock's instant is {@code EXPIRED}.
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
        byte[] hash = KeyHashing.sha256(key.reveal());
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.connectionUnavailable(e);
        }
        try (connection; PreparedStatement statement = connection.prepareStatement(LOOKUP)) {
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
        if (row.getObject("revoked_at", OffsetDateTime.class) != null) {
            return new KeyVerification.Rejected(KeyVerification.Reason.REVOKED);
        }
        OffsetDateTime expiresAt = row.getObject("expires_at", OffsetDateTime.class);
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.toInstant().isAfter(now)) {
            return new KeyVerification.Rejected(KeyVerification.Reason.EXPIRED);
        }
        KeyKind kind = kind(row.getString("kind"));
        Mode mode = mode(row.getString("mode"));
        String displayPrefix = row.getString("display_prefix");
        if (kind != key.kind() || mode != key.mode() || !key.displayPrefix().equals(displayPrefix)) {
            // the hash matched but the row does not describe this key: never trust such a row
            return new KeyVerification.Rejected(KeyVerification.Reason.UNKNOWN);
        }
        Role role = Role.fromWireName(row.getString("role")).orElseThrow(SqlErrors::inconsistentRow);
        return new KeyVerification.Verified(row.getObject("id", UUID.class),
                new TeamId(row.getObject("team_id", UUID.class)), row.getObject("member_id", UUID.class), role,
                kind, mode, displayPrefix);
    }

    private static KeyKind kind(String stored) {
        return switch (stored) {
            case "secret" -> KeyKind.SECRET;
            case "publishable" -> KeyKind.PUBLISHABLE;
            default -> throw SqlErrors.inconsistentRow();
        };
    }

    private static Mode mode(String stored) {
        return switch (stored) {
            case "live" -> Mode.LIVE;
            case "test" -> Mode.TEST;
            default -> throw SqlErrors.inconsistentRow();
        };
    }
}
