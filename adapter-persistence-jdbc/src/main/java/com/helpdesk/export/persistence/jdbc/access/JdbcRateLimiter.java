package com.helpdesk.export.persistence.jdbc.access;

import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.policy.RateLimits;
import com.helpdesk.export.domain.port.RateLimiter;
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
import javax.sql.DataSource;

/**
 * The {@link RateLimiter} over PostgreSQL: one counter per API key and fixed window in
 * {@value #TABLE}, shared by every instance of the service.
 *
 * <p>A window is {@code limits.window()} long and aligned to the Unix epoch (for a window of an hour: it starts
 * at every full UTC hour). {@link #consume} is one statement: an upsert that adds the call only while the counter is
 * below the key's limit and returns the new count ({@code INSERT … ON CONFLICT DO UPDATE … WHERE calls < limit
 * RETURNING calls}). PostgreSQL locks the counter's row for the length of that one statement, and re-checks the
 * condition on the newest count, so that with N calls left exactly N of any number of simultaneous calls pass, from
 * any number of instances. {@link #peek} is a plain read: it locks nothing. A changed limit applies at once to the
 * calls already counted in the window. All times come from the injected clock, never the database server's.
 *
 * <p>{@link #removeExpired()} deletes the counters of windows that have ended.
 */
public final class JdbcRateLimiter implements RateLimiter {

    /** The table of counters (migration V3). */
    static final String TABLE = "rate_limit_windows";

    private static final String CONSUME = "INSERT INTO " + TABLE + " (key_id, window_start, calls) VALUES (?, ?, 1) "
            + "ON CONFLICT (key_id, window_start) DO UPDATE SET calls = " + TABLE + ".calls + 1 "
            + "WHERE " + TABLE + ".calls < ? RETURNING calls";
    private static final String PEEK = "SELECT calls FROM " + TABLE + " WHERE key_id = ? AND window_start = ?";
    private static final String REMOVE_EXPIRED = "DELETE FROM " + TABLE + " WHERE window_start < ? AND "
            + "(key_id, window_start) IN (SELECT key_id, window_start FROM " + TABLE + " WHERE window_start < ? "
            + "LIMIT ? FOR UPDATE SKIP LOCKED)";

    private final DataSource dataSource;
    private final RateLimits limits;
    private final Clock clock;

    public JdbcRateLimiter(DataSource dataSource, RateLimits limits, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RateLimitStatus consume(KeyVerification.Verified caller) {
        Objects.requireNonNull(caller, "caller");
        long limit = limits.limitFor(caller.kind());
        Window window = Window.at(clock.instant(), limits.window());
        try (Connection connection = Connections.open(dataSource);
                PreparedStatement statement = connection.prepareStatement(CONSUME)) {
            statement.setObject(1, caller.keyId());
            statement.setObject(2, window.startTimestamp());
            statement.setLong(3, limit);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    return window.status(true, limit, limit - row.getLong(1));
                }
                return window.status(false, limit, 0);
            }
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
    }

    @Override
    public RateLimitStatus peek(KeyVerification.Verified caller) {
        Objects.requireNonNull(caller, "caller");
        long limit = limits.limitFor(caller.kind());
        Window window = Window.at(clock.instant(), limits.window());
        try (Connection connection = Connections.open(dataSource);
                PreparedStatement statement = connection.prepareStatement(PEEK)) {
            statement.setObject(1, caller.keyId());
            statement.setObject(2, window.startTimestamp());
            try (ResultSet row = statement.executeQuery()) {
                long remaining = Math.max(0, limit - (row.next() ? row.getLong(1) : 0));
                return window.status(remaining > 0, limit, remaining);
            }
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
    }

    /**
     * Deletes the counters of every window that has ended, in batches that skip rows being counted right now.
     *
     * @return how many counters were deleted
     */
    public int removeExpired() {
        OffsetDateTime current = Window.at(clock.instant(), limits.window()).startTimestamp();
        try (Connection connection = Connections.open(dataSource);
                PreparedStatement statement = connection.prepareStatement(REMOVE_EXPIRED)) {
            statement.setObject(1, current);
            statement.setObject(2, current);
            return BatchedDelete.run(statement, 3);
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
    }

    /** The epoch-aligned window that holds {@code now}. */
    private record Window(Instant now, Instant start, Duration length) {

        static Window at(Instant now, Duration length) {
            long lengthMillis = length.toMillis();
            long start = Math.floorDiv(now.toEpochMilli(), lengthMillis) * lengthMillis;
            return new Window(now, Instant.ofEpochMilli(start), length);
        }

        OffsetDateTime startTimestamp() {
            return start.atOffset(ZoneOffset.UTC);
        }

        RateLimitStatus status(boolean allowed, long limit, long remaining) {
            Instant end = start.plus(length);
            Duration retryAfter = allowed ? Duration.ZERO : Duration.between(now, end);
            if (!allowed && retryAfter.isZero()) {
                retryAfter = Duration.ofNanos(1);
            }
            return new RateLimitStatus(
                    allowed, limit, Math.max(0, Math.min(limit, remaining)), end, length, retryAfter);
        }
    }
}
