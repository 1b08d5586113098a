package com.helpdesk.export.persistence.jdbc.access;

import com.helpdesk.export.domain.port.AuthenticationThrottle;
import com.helpdesk.export.persistence.jdbc.Connections;
import com.helpdesk.export.persistence.jdbc.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@link AuthenticationThrottle} over the {@code auth_failures} table: failed authentications counted per
 * client network ({@link #normalized}) in fixed windows of {@code window} aligned to the Unix epoch. Past
 * {@code maxFailures} failures in the current window, each further failure is answered with the wait until that
 * window ends; calls whose key is valid are never counted and never refused.
 *
 * <p>{@link #recordFailure} is one atomic upsert that counts and returns the new count
 * ({@code INSERT … ON CONFLICT DO UPDATE … RETURNING}), so that simultaneous failures from any number of instances
 * are all counted, and exactly those past the allowance are refused. The address is bound as a parameter.
 * {@link #removeExpired()} deletes the rows of windows that have ended. All times come from the injected clock.
 */
public final class JdbcAuthenticationThrottle implements AuthenticationThrottle {

    /** Longest address kept (an IPv6 address with an IPv4 tail and a zone id fits); longer ones are cut. */
    public static final int MAX_ADDRESS_LENGTH = 64;

    private static final String RECORD = "INSERT INTO auth_failures (address, window_start, failures) VALUES (?, ?, 1) "
            + "ON CONFLICT (address, window_start) "
            + "DO UPDATE SET failures = LEAST(auth_failures.failures, 2147483646) + 1 RETURNING failures";
    private static final String REMOVE_EXPIRED = "DELETE FROM auth_failures WHERE window_start < ? AND "
            + "(address, window_start) IN (SELECT address, window_start FROM auth_failures WHERE window_start < ? "
            + "LIMIT ? FOR UPDATE SKIP LOCKED)";

    private final DataSource dataSource;
    private final int maxFailures;
    private final long windowMillis;
    private final Clock clock;

    /**
     * @param maxFailures failures in one window after which an address is blocked for the rest of it (at least 1)
     * @param window      the window's length: positive, a whole number of milliseconds
     */
    public JdbcAuthenticationThrottle(DataSource dataSource, int maxFailures, Duration window, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (window.isNegative() || window.isZero() || window.toNanos() % 1_000_000L != 0) {
            throw new IllegalArgumentException("the window must be a positive whole number of milliseconds");
        }
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
    }

    @Override
    public Optional<Duration> recordFailure(String clientAddress) {
        String address = normalized(clientAddress);
        Instant now = clock.instant();
        long windowStart = windowStart(now);
        int failures;
        try (Connection connection = Connections.open(dataSource);
                PreparedStatement statement = connection.prepareStatement(RECORD)) {
            statement.setString(1, address);
            statement.setObject(2, timestamp(windowStart));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                failures = row.getInt(1);
            }
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
        if (failures <= maxFailures) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, Instant.ofEpochMilli(windowStart + windowMillis)));
    }

    /**
     * Deletes the counts of every window that has ended, in batches.
     *
     * @return how many rows were deleted
     */
    public int removeExpired() {
        OffsetDateTime currentWindowStart = timestamp(windowStart(clock.instant()));
        try (Connection connection = Connections.open(dataSource);
                PreparedStatement statement = connection.prepareStatement(REMOVE_EXPIRED)) {
            statement.setObject(1, currentWindowStart);
            statement.setObject(2, currentWindowStart);
            return BatchedDelete.run(statement, 3);
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
    }

    /**
     * The address as counted: an IPv6 address as its /64 network ({@code 2001:db8:1:2::/64}: one host or household
     * usually has a whole /64, so counting single addresses would give it 2^64 budgets), an IPv4-mapped IPv6 address
     * as its IPv4 address, anything else as given; at most {@value #MAX_ADDRESS_LENGTH} code points, no NUL
     * (PostgreSQL text has none).
     */
    static String normalized(String clientAddress) {
        Objects.requireNonNull(clientAddress, "clientAddress");
        String address = ClientNetwork.of(clientAddress);
        address = address.indexOf('\0') < 0 ? address : address.replace('\0', '\uFFFD');
        if (address.codePointCount(0, address.length()) > MAX_ADDRESS_LENGTH) {
            address = address.substring(0, address.offsetByCodePoints(0, MAX_ADDRESS_LENGTH));
        }
        return address;
    }

    private long windowStart(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis;
    }

    private static OffsetDateTime timestamp(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }
}
