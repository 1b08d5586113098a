package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.port.AuthenticationThrottle;

import javax.sql.DataSource;
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

/**
 * The {@link AuthenticationThrottle} over the {@code auth_failures} table: failed authentications counted per
 * client address in fixed windows of {@code window} aligned to the Unix epoch. An address with
 * {@code maxFailures} failures in the current window is blocked until that window ends.
 *
 * <p>{@link #blockedFor} is one read (it never writes); {@link #recordFailure} is one atomic upsert, so that
 * simultaneous failures from any number of instances are all counted. The address is text as the caller gives it
 * (IPv4 or IPv6), bound as a parameter and cut to {@value #MAX_ADDRESS_LENGTH} characters.
 * {@link #removeExpired()} deletes the rows of windows that have ended. All times come from the injected clock.
 */
public final class JdbcAuthenticationThrottle implements AuthenticationThrottle {

    /** Longest address kept (an IPv6 address with an IPv4 tail and a zone id fits); longer ones are cut. */
    public static final int MAX_ADDRESS_LENGTH = 64;

    private static final String COUNT = "SELECT failures FROM auth_failures WHERE address = ? AND window_start = ?";
    private static final String RECORD = "INSERT INTO auth_failures (address, window_start, failures) VALUES (?, ?, 1) "
            + "ON CONFLICT (address, window_start) "
            + "DO UPDATE SET failures = LEAST(auth_failures.failures, 2147483646) + 1";
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
    public Optional<Duration> blockedFor(String clientAddress) {
        String address = normalized(clientAddress);
        Instant now = clock.instant();
        long windowStart = windowStart(now);
        int failures;
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(COUNT)) {
            statement.setString(1, address);
            statement.setObject(2, timestamp(windowStart));
            try (ResultSet row = statement.executeQuery()) {
                failures = row.next() ? row.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
        if (failures < maxFailures) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, Instant.ofEpochMilli(windowStart + windowMillis)));
    }

    @Override
    public void recordFailure(String clientAddress) {
        String address = normalized(clientAddress);
        long windowStart = windowStart(clock.instant());
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(RECORD)) {
            statement.setString(1, address);
            statement.setObject(2, timestamp(windowStart));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
    }

    /**
     * Deletes the counts of every window that has ended, in batches.
     *
     * @return how many rows were deleted
     */
    public int removeExpired() {
        OffsetDateTime currentWindowStart = timestamp(windowStart(clock.instant()));
        try (Connection connection = connection();
             PreparedStatement statement = connection.prepareStatement(REMOVE_EXPIRED)) {
            statement.setObject(1, currentWindowStart);
            statement.setObject(2, currentWindowStart);
            return BatchedDelete.run(statement, 3);
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
    }

    /** The address as stored: at most {@value #MAX_ADDRESS_LENGTH} code points, no NUL (PostgreSQL text has none). */
    static String normalized(String clientAddress) {
        Objects.requireNonNull(clientAddress, "clientAddress");
        String address = clientAddress.indexOf('\0') < 0 ? clientAddress : clientAddress.replace('\0', '\uFFFD');
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

    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.connectionUnavailable(e);
        }
    }
}
