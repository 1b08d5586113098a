package com.helpdesk.export.persistence.jdbc.admin;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.persistence.jdbc.KeyHashing;
import com.helpdesk.export.persistence.jdbc.admin.AdministrationException.Reason;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Teams, members and API keys, administered over JDBC: what {@code DemoDataset} does for the demo, for real
 * teams. A key is made here from {@link SecureRandom} ({@code sk_}/{@code pk_}, {@code live_}/{@code test_}, then
 * {@value #SECRET_LENGTH} letters and digits), handed back once in a {@link CreatedKey}, and stored only as
 * {@link KeyHashing#sha256} plus {@link KeyHashing#displayPrefix}: exactly what {@code JdbcKeyVerifier} looks up.
 *
 * <p>Refusals are {@link AdministrationException}s: {@link Reason#INVALID_INPUT} for values that can never be
 * right (blank names, an expiry not in the future), {@link Reason#NOT_FOUND} for a team, member or key that does not
 * exist or belongs to another team, {@link Reason#UNAVAILABLE}/{@link Reason#FAILED} for the database. Times come
 * from the clock, kept to microseconds (the database's precision). Every value is a bound parameter.
 */
public final class JdbcAdministration {

    /** Letters and digits after {@code sk_live_} and the like: about 190 random bits. */
    static final int SECRET_LENGTH = 32;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_EMAIL_LENGTH = 254;
    /** The database keeps years up to 294276, {@link Instant} parses more: keep expiries to four-digit years. */
    static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
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
    private static final String KEY_OF_TEAM = "SELECT display_prefix, revoked_at FROM api_keys "
            + "WHERE team_id = ? AND id = ?";
    private static final String KEY_EXISTS = "SELECT EXISTS (SELECT 1 FROM api_keys WHERE id = ?)";

    private final DataSource dataSource;
    private final Clock clock;
    private final Random random;

    public JdbcAdministration(DataSource dataSource, Clock clock) {
        this(dataSource, clock, new SecureRandom());
    }

    JdbcAdministration(DataSource dataSource, Clock clock, Random random) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Creates a team; answers its new id. */
    public UUID createTeam(String name) {
        String teamName = name("team name", name);
        UUID id = UUID.randomUUID();
        Instant now = now();
        inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_TEAM)) {
                insert.setObject(1, id);
                insert.setString(2, teamName);
                setInstant(insert, 3, now);
                insert.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /**
     * Adds a member to a team; answers the member's new id.
     *
     * @param email optional: {@code null} for none
     */
    public UUID addMember(UUID teamId, String name, String email, Role role) {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(role, "role");
        String memberName = name("member name", name);
        String memberEmail = email(email);
        UUID id = UUID.randomUUID();
        Instant now = now();
        inTransaction(connection -> {
            requireTeam(connection, teamId);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_MEMBER)) {
                insert.setObject(1, id);
                insert.setObject(2, teamId);
                insert.setString(3, memberName);
                insert.setString(4, memberEmail);
                insert.setString(5, role.wireName());
                setInstant(insert, 6, now);
                insert.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /**
     * Creates a key for a member of the team. The answer holds the plain key: it exists nowhere else, so show it
     * once and drop it.
     *
     * @param expiresAt the instant from which the key is refused as expired; empty for a key that does not expire
     */
    public CreatedKey createKey(UUID teamId, UUID memberId, KeyKind kind, Mode mode, Optional<Instant> expiresAt) {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = now();
        Optional<Instant> expiry = expiresAt.map(instant -> expiry(instant, now));
        String key = newKey(kind, mode, random);
        UUID id = UUID.randomUUID();
        String displayPrefix = KeyHashing.displayPrefix(key);
        Role role = inTransaction(connection -> {
            Role memberRole = requireMemberOfTeam(connection, teamId, memberId);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_KEY)) {
                insert.setObject(1, id);
                insert.setObject(2, teamId);
                insert.setObject(3, memberId);
                insert.setBytes(4, KeyHashing.sha256(key));
                insert.setString(5, displayPrefix);
                insert.setString(6, kindName(kind));
                insert.setString(7, mode.wireName());
                setInstant(insert, 8, now);
                setInstant(insert, 9, expiry.orElse(null));
                insert.executeUpdate();
            }
            return memberRole;
        });
        return new CreatedKey(id, teamId, memberId, role, kind, mode, displayPrefix, now, expiry, key);
    }

    /** The team's keys, oldest first, by display prefix: never a key, never a hash. */
    public List<KeyDescription> listKeys(UUID teamId) {
        Objects.requireNonNull(teamId, "teamId");
        return inTransaction(connection -> {
            requireTeam(connection, teamId);
            List<KeyDescription> keys = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(LIST_KEYS)) {
                select.setObject(1, teamId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        keys.add(new KeyDescription(row.getObject("id", UUID.class), row.getString("display_prefix"),
                                kind(row.getString("kind")), mode(row.getString("mode")),
                                row.getObject("member_id", UUID.class), row.getString("member_name"),
                                role(row.getString("role")), instant(row, "created_at"),
                                Optional.ofNullable(instant(row, "expires_at")),
                                Optional.ofNullable(instant(row, "revoked_at"))));
                    }
                }
            }
            return List.copyOf(keys);
        });
    }

    /**
     * Revokes a key of the team from now on. Revoking a key that already is revoked changes nothing and answers
     * when it was revoked.
     */
    public KeyRevocation revokeKey(UUID teamId, UUID keyId) {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(keyId, "keyId");
        Instant now = now();
        return inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(REVOKE_KEY)) {
                setInstant(update, 1, now);
                update.setObject(2, teamId);
                update.setObject(3, keyId);
                try (ResultSet row = update.executeQuery()) {
                    if (row.next()) {
                        return new KeyRevocation(keyId, row.getString("display_prefix"), instant(row, "revoked_at"),
                                false);
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(KEY_OF_TEAM)) {
                select.setObject(1, teamId);
                select.setObject(2, keyId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return new KeyRevocation(keyId, row.getString("display_prefix"), instant(row, "revoked_at"),
                                true);
                    }
                }
            }
            requireTeam(connection, teamId);
            if (exists(connection, KEY_EXISTS, keyId)) {
                throw new AdministrationException(Reason.NOT_FOUND,
                        "Key " + keyId + " belongs to another team, not to team " + teamId + ".");
            }
            throw new AdministrationException(Reason.NOT_FOUND, "No key " + keyId + " in team " + teamId + ".");
        });
    }

    // ---- keys

    /** A new key of that kind and mode; checked against the domain's key format. */
    static String newKey(KeyKind kind, Mode mode, Random random) {
        StringBuilder key = new StringBuilder(kind.prefix()).append('_').append(mode.wireName()).append('_');
        for (int i = 0; i < SECRET_LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return ApiKey.parse(key.toString()).reveal();
    }

    private static String kindName(KeyKind kind) {
        return switch (kind) {
            case SECRET -> "secret";
            case PUBLISHABLE -> "publishable";
        };
    }

    private static KeyKind kind(String stored) {
        return switch (stored) {
            case "secret" -> KeyKind.SECRET;
            case "publishable" -> KeyKind.PUBLISHABLE;
            default -> throw inconsistent("kind");
        };
    }

    private static Mode mode(String stored) {
        return switch (stored) {
            case "live" -> Mode.LIVE;
            case "test" -> Mode.TEST;
            default -> throw inconsistent("mode");
        };
    }

    private static Role role(String stored) {
        return Role.fromWireName(stored).orElseThrow(() -> inconsistent("role"));
    }

    private static AdministrationException inconsistent(String column) {
        return new AdministrationException(Reason.FAILED, "The database holds a key with an unknown " + column + ".");
    }

    // ---- validation

    private static String name(String what, String value) {
        if (value == null || value.isBlank()) {
            throw invalid("The " + what + " must not be empty.");
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME_LENGTH) {
            throw invalid("The " + what + " must have at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("The " + what + " must not hold control characters (tabs, line breaks, ...).");
        }
        return stripped;
    }

    private static String email(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(stripped).matches()) {
            throw invalid("The email must look like name@example.com (at most " + MAX_EMAIL_LENGTH
                    + " characters); leave it out for none.");
        }
        return stripped;
    }

    private static Instant expiry(Instant requested, Instant now) {
        Instant expiry = requested.truncatedTo(ChronoUnit.MICROS);
        if (!expiry.isAfter(now)) {
            throw invalid("The expiry must be in the future (it is " + requested + ", now is " + now + ").");
        }
        if (expiry.isAfter(LATEST_EXPIRY)) {
            throw invalid("The expiry must be before the year 10000; leave it out for a key that does not expire.");
        }
        return expiry;
    }

    private static AdministrationException invalid(String message) {
        return new AdministrationException(Reason.INVALID_INPUT, message);
    }

    // ---- lookups

    private static void requireTeam(Connection connection, UUID teamId) throws SQLException {
        if (!exists(connection, TEAM_EXISTS, teamId)) {
            throw new AdministrationException(Reason.NOT_FOUND, "No team " + teamId + ".");
        }
    }

    private static Role requireMemberOfTeam(Connection connection, UUID teamId, UUID memberId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(MEMBER_OF_TEAM)) {
            select.setObject(1, teamId);
            select.setObject(2, memberId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return role(row.getString("role"));
                }
            }
        }
        requireTeam(connection, teamId);
        if (exists(connection, MEMBER_EXISTS, memberId)) {
            throw new AdministrationException(Reason.NOT_FOUND,
                    "Member " + memberId + " belongs to another team, not to team " + teamId + ".");
        }
        throw new AdministrationException(Reason.NOT_FOUND, "No member " + memberId + " in team " + teamId + ".");
    }

    private static boolean exists(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    // ---- JDBC

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : instant.atOffset(ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
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

    /**
     * Deliberately without the server's message: for a key, its detail could quote the key hash. The SQLState
     * says what went wrong; the exception stays the cause.
     */
    private static AdministrationException translate(SQLException e) {
        String state = e.getSQLState();
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || (state != null && state.startsWith("08"))) {
            return unavailable(e);
        }
        if (FOREIGN_KEY_VIOLATION.equals(state)) {
            // a team or member removed between the check and the insert
            return new AdministrationException(Reason.NOT_FOUND,
                    "The team or member is gone (removed while this command ran).", e);
        }
        return new AdministrationException(Reason.FAILED,
                "The database refused the command (SQLState " + state + ").", e);
    }
}
