package com.helpdesk.export.persistence.jdbc.access;

import com.helpdesk.export.domain.error.AdministrationException;
import com.helpdesk.export.domain.error.AdministrationException.Reason;
import com.helpdesk.export.domain.model.EmailAddress;
import com.helpdesk.export.domain.model.KeyDescription;
import com.helpdesk.export.domain.model.KeyExpiry;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyRevocation;
import com.helpdesk.export.domain.model.MemberName;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.NewKey;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.model.TeamName;
import com.helpdesk.export.domain.port.KeyAdministrationPort;
import com.helpdesk.export.persistence.jdbc.Connections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@link KeyAdministrationPort} over the {@code teams}, {@code members} and {@code api_keys} tables. A key arrives
 * as its hash and display prefix only ({@link NewKey}) and is stored as exactly what {@link JdbcKeyVerifier} looks
 * up; nothing here ever holds a plain key. Each call is one transaction; every value is a bound parameter.
 *
 * <p>Refusals are {@link AdministrationException}s: {@link Reason#NOT_FOUND} for a team, member or key that does not
 * exist or belongs to another team, {@link Reason#UNAVAILABLE} when the database cannot be reached, {@link
 * Reason#FAILED} when it refuses the statement. Messages quote neither the server (its detail could hold a key hash)
 * nor any hash: the SQLState says what went wrong, the exception stays the cause.
 */
public final class JdbcKeyAdministration implements KeyAdministrationPort {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private static final String TEAM_EXISTS = "SELECT EXISTS (SELECT 1 FROM teams WHERE id = ?)";
    private static final String INSERT_TEAM = "INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)";
    private static final String INSERT_MEMBER =
            "INSERT INTO members (id, team_id, name, email, role, created_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String MEMBER_OF_TEAM = "SELECT role FROM members WHERE team_id = ? AND id = ?";
    private static final String MEMBER_EXISTS = "SELECT EXISTS (SELECT 1 FROM members WHERE id = ?)";
    private static final String INSERT_KEY = "INSERT INTO api_keys (id, team_id, member_id, key_hash, "
            + "display_prefix, kind, mode, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LIST_KEYS = "SELECT k.id, k.display_prefix, k.kind, k.mode, k.member_id, "
            + "m.name AS member_name, m.role, k.created_at, k.expires_at, k.revoked_at "
            + "FROM api_keys k JOIN members m ON m.team_id = k.team_id AND m.id = k.member_id "
            + "WHERE k.team_id = ? ORDER BY k.created_at, k.id";
    private static final String REVOKE_KEY = "UPDATE api_keys SET revoked_at = ? "
            + "WHERE team_id = ? AND id = ? AND revoked_at IS NULL RETURNING display_prefix, revoked_at";
    private static final String KEY_OF_TEAM =
            "SELECT display_prefix, revoked_at FROM api_keys " + "WHERE team_id = ? AND id = ?";
    private static final String KEY_EXISTS = "SELECT EXISTS (SELECT 1 FROM api_keys WHERE id = ?)";

    private final DataSource dataSource;

    public JdbcKeyAdministration(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void createTeam(TeamId team, TeamName name, Instant createdAt) {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_TEAM)) {
                insert.setObject(1, team.value());
                insert.setString(2, name.value());
                setInstant(insert, 3, createdAt);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void addMember(
            TeamId team, UUID memberId, MemberName name, Optional<EmailAddress> email, Role role, Instant createdAt) {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        inTransaction(connection -> {
            requireTeam(connection, team);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_MEMBER)) {
                insert.setObject(1, memberId);
                insert.setObject(2, team.value());
                insert.setString(3, name.value());
                insert.setString(4, email.map(EmailAddress::value).orElse(null));
                insert.setString(5, role.wireName());
                setInstant(insert, 6, createdAt);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Role storeKey(NewKey key) {
        Objects.requireNonNull(key, "key");
        return inTransaction(connection -> {
            Role role = requireMemberOfTeam(connection, key.team(), key.memberId());
            try (PreparedStatement insert = connection.prepareStatement(INSERT_KEY)) {
                insert.setObject(1, key.keyId());
                insert.setObject(2, key.team().value());
                insert.setObject(3, key.memberId());
                insert.setBytes(4, key.hash().bytes());
                insert.setString(5, key.displayPrefix());
                insert.setString(6, key.kind().wireName());
                insert.setString(7, key.mode().wireName());
                setInstant(insert, 8, key.createdAt());
                setInstant(insert, 9, key.expiresAt().map(KeyExpiry::value).orElse(null));
                insert.executeUpdate();
            }
            return role;
        });
    }

    @Override
    public List<KeyDescription> listKeys(TeamId team) {
        Objects.requireNonNull(team, "team");
        return inTransaction(connection -> {
            requireTeam(connection, team);
            List<KeyDescription> keys = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(LIST_KEYS)) {
                select.setObject(1, team.value());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        keys.add(new KeyDescription(
                                row.getObject("id", UUID.class),
                                row.getString("display_prefix"),
                                kind(row.getString("kind")),
                                mode(row.getString("mode")),
                                row.getObject("member_id", UUID.class),
                                row.getString("member_name"),
                                role(row.getString("role")),
                                instant(row, "created_at"),
                                Optional.ofNullable(instant(row, "expires_at")),
                                Optional.ofNullable(instant(row, "revoked_at"))));
                    }
                }
            }
            return List.copyOf(keys);
        });
    }

    @Override
    public KeyRevocation revokeKey(TeamId team, UUID keyId, Instant at) {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(at, "at");
        return inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(REVOKE_KEY)) {
                setInstant(update, 1, at);
                update.setObject(2, team.value());
                update.setObject(3, keyId);
                try (ResultSet row = update.executeQuery()) {
                    if (row.next()) {
                        return new KeyRevocation(
                                keyId, row.getString("display_prefix"), instant(row, "revoked_at"), false);
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(KEY_OF_TEAM)) {
                select.setObject(1, team.value());
                select.setObject(2, keyId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return new KeyRevocation(
                                keyId, row.getString("display_prefix"), instant(row, "revoked_at"), true);
                    }
                }
            }
            requireTeam(connection, team);
            if (Connections.yesOrNo(connection, KEY_EXISTS, keyId)) {
                throw new AdministrationException(
                        Reason.NOT_FOUND, "Key " + keyId + " belongs to another team, not to team " + team + ".");
            }
            throw new AdministrationException(Reason.NOT_FOUND, "No key " + keyId + " in team " + team + ".");
        });
    }

    // ---- stored names

    static KeyKind kind(String stored) {
        return KeyKind.fromWireName(stored).orElseThrow(() -> inconsistent("kind"));
    }

    static Mode mode(String stored) {
        return Mode.fromWireName(stored).orElseThrow(() -> inconsistent("mode"));
    }

    private static Role role(String stored) {
        return Role.fromWireName(stored).orElseThrow(() -> inconsistent("role"));
    }

    private static AdministrationException inconsistent(String column) {
        return new AdministrationException(Reason.FAILED, "The database holds a key with an unknown " + column + ".");
    }

    // ---- lookups

    private static void requireTeam(Connection connection, TeamId team) throws SQLException {
        if (!Connections.yesOrNo(connection, TEAM_EXISTS, team.value())) {
            throw new AdministrationException(Reason.NOT_FOUND, "No team " + team + ".");
        }
    }

    private static Role requireMemberOfTeam(Connection connection, TeamId team, UUID memberId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(MEMBER_OF_TEAM)) {
            select.setObject(1, team.value());
            select.setObject(2, memberId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return role(row.getString("role"));
                }
            }
        }
        requireTeam(connection, team);
        if (Connections.yesOrNo(connection, MEMBER_EXISTS, memberId)) {
            throw new AdministrationException(
                    Reason.NOT_FOUND, "Member " + memberId + " belongs to another team, not to team " + team + ".");
        }
        throw new AdministrationException(Reason.NOT_FOUND, "No member " + memberId + " in team " + team + ".");
    }

    // ---- JDBC

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(
                index, instant == null ? null : instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw unavailable(e);
        }
        try (connection) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static AdministrationException unavailable(SQLException e) {
        // the driver's own words (host, port, authentication): they hold no key and no hash
        return new AdministrationException(Reason.UNAVAILABLE, "The database cannot be reached: " + e.getMessage(), e);
    }

    private static AdministrationException translate(SQLException e) {
        String state = e.getSQLState();
        if (e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException
                || (state != null && state.startsWith("08"))) {
            return unavailable(e);
        }
        if (FOREIGN_KEY_VIOLATION.equals(state)) {
            // a team or member removed between the check and the insert
            return new AdministrationException(
                    Reason.NOT_FOUND, "The team or member is gone (removed while this command ran).", e);
        }
        return new AdministrationException(
                Reason.FAILED, "The database refused the command (SQLState " + state + ").", e);
    }
}
