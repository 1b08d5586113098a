package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.policy.RateLimits;
import com.helpdesk.export.domain.port.KeyVerification;
import com.helpdesk.export.domain.port.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The {@link RateLimiter} over PostgreSQL (contract §6): one Bucket4j bucket per API key ({@code caller.keyId()}) in
 * {@value #TABLE}, read and written by Bucket4j's select-for-update proxy manager, so that every instance of the
 * service counts against one budget per key and, the row being locked for the length of each count, with N calls
 * left exactly N of any number of simultaneous calls pass.
 *
 * <p>The bucket is a fixed window aligned to the Unix epoch: capacity {@code limits.limitFor(kind)}, refilled to
 * full at every multiple of {@code limits.window()} since the epoch (for the contract's hour: at every full UTC
 * hour), and full when new. All times come from the injected {@link Clock} (Bucket4j's client-side clock), never
 * from the database server's.
 *
 * <p>Configuration changes: each instance stamps the buckets it touches with a configuration version taken from
 * the clock when it was constructed, and Bucket4j replaces the configuration of a bucket that carries an older
 * version ({@link TokensInheritanceStrategy#ADDITIVE}: a higher limit adds the difference to what is left in the
 * window, so the calls already counted stay counted; a lower limit caps what is left). A bucket whose window length
 * changed starts over, full, on the new window. The status always reports the configuration the bucket actually
 * enforces.
 *
 * <p>{@link #removeExpired()} deletes the buckets whose window of last use has ended: such a bucket holds nothing
 * a new one would not.
 *
 * <p>Cost: a call is one transaction on one pooled connection ({@code SELECT … FOR UPDATE}, {@code UPDATE},
 * {@code COMMIT}); the first call on a key (or the first after its bucket was removed) takes three, the first
 * after a configuration change two. {@link #peek} locks the row as well, but writes only for a new bucket.
 */
public final class JdbcRateLimiter implements RateLimiter {

    /** The table of buckets (migration V2). */
    static final String TABLE = "rate_limit_buckets";
    private static final String EXPIRES_AT = "expires_at";
    private static final String REMOVE_EXPIRED = "DELETE FROM " + TABLE + " WHERE expires_at <= ? AND id IN "
            + "(SELECT id FROM " + TABLE + " WHERE expires_at <= ? LIMIT ? FOR UPDATE SKIP LOCKED)";

    /** The key id is bound as a uuid. */
    private static final PrimaryKeyMapper<UUID> UUID_KEY = (statement, index, id) -> statement.setObject(index, id);

    /** Versions handed out in this JVM, so that of two limiters built in one millisecond the later one wins. */
    private static final AtomicLong LAST_VERSION = new AtomicLong();

    private final DataSource dataSource;
    private final Clock clock;
    private final long configurationVersion;
    private final Map<KeyKind, BucketConfiguration> configurations = new EnumMap<>(KeyKind.class);
    private final PostgreSQLSelectForUpdateBasedProxyManager<UUID> buckets;

    public JdbcRateLimiter(DataSource dataSource, RateLimits limits, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (KeyKind kind : KeyKind.values()) {
            configurations.put(kind, configuration(limits.limitFor(kind), limits.window()));
        }
        long now = clock.millis();
        this.configurationVersion = LAST_VERSION.updateAndGet(last -> Math.max(last + 1, now));
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(UUID_KEY)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .addCustomColumn(new ExpiresAtColumn())
                .clientClock(new ClockTimeMeter(clock))
                .build();
    }

    @Override
    public RateLimitStatus consume(KeyVerification.Verified caller) {
        Objects.requireNonNull(caller, "caller");
        VerboseResult<ConsumptionProbe> result =
                call(() -> bucket(caller).asVerbose().tryConsumeAndReturnRemaining(1));
        ConsumptionProbe probe = result.getValue();
        Window window = Window.of(result);
        if (probe.isConsumed()) {
            return window.status(true, probe.getRemainingTokens(), Duration.ZERO);
        }
        // the probe's wait is measured from the instant the bucket was read, like the window's end
        Duration retryAfter = Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
        return window.status(false, probe.getRemainingTokens(), retryAfter);
    }

    @Override
    public RateLimitStatus peek(KeyVerification.Verified caller) {
        Objects.requireNonNull(caller, "caller");
        VerboseResult<Long> result = call(() -> bucket(caller).asVerbose().getAvailableTokens());
        Window window = Window.of(result);
        long remaining = result.getValue();
        return remaining > 0
                ? window.status(true, remaining, Duration.ZERO)
                : window.status(false, 0, window.untilEnd());
    }

    /**
     * Deletes the buckets whose window of last use has ended, in batches that skip rows being counted right now.
     *
     * @return how many buckets were deleted
     */
    public int removeExpired() {
        long now = clock.millis();
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.connectionUnavailable(e);
        }
        try (connection; PreparedStatement statement = connection.prepareStatement(REMOVE_EXPIRED)) {
            statement.setLong(1, now);
            statement.setLong(2, now);
            return BatchedDelete.run(statement, 3);
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
    }

    private BucketProxy bucket(KeyVerification.Verified caller) {
        BucketConfiguration configuration = configurations.get(caller.kind());
        return buckets.builder()
                .withImplicitConfigurationReplacement(configurationVersion, TokensInheritanceStrategy.ADDITIVE)
                .build(caller.keyId(), () -> configuration);
    }

    /** Runs a Bucket4j call, turning its failures (which wrap the SQLException, if any) into ExportExceptions. */
    private static <T> T call(Supplier<T> bucketCall) {
        try {
            return bucketCall.get();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sqlException) {
                    throw SqlErrors.translateCounting(sqlException);
                }
            }
            throw SqlErrors.internal(e);
        }
    }

    /**
     * A fixed window of {@code window} aligned to the epoch, full when new: the first refill is one window after the
     * epoch, so a new bucket's last refill is the epoch itself and every refill falls on a multiple of the window.
     * The bandwidth's id names the window's length, so that a bucket whose window changed is not carried over.
     */
    static BucketConfiguration configuration(long limit, Duration window) {
        Bandwidth bandwidth = Bandwidth.builder()
                .capacity(limit)
                .refillIntervallyAligned(limit, window, Instant.EPOCH.plus(window))
                .id("fixed-window-" + window.getSeconds() + "s")
                .build();
        return BucketConfiguration.builder().addLimit(bandwidth).build();
    }

    /** The end of the epoch-aligned window of {@code periodNanos} that holds {@code nanos} (epoch nanoseconds). */
    static long windowEndNanos(long nanos, long periodNanos) {
        return Math.floorDiv(nanos, periodNanos) * periodNanos + periodNanos;
    }

    /** Where a bucket stood when Bucket4j read it: the limit and window it enforces, at the instant it used. */
    private record Window(long limit, Duration length, Instant now, Instant end) {

        static Window of(VerboseResult<?> result) {
            Bandwidth bandwidth = result.getConfiguration().getBandwidths()[0];
            long nowNanos = result.getOperationTimeNanos();
            long periodNanos = bandwidth.getRefillPeriodNanos();
            return new Window(bandwidth.getCapacity(), Duration.ofNanos(periodNanos), instant(nowNanos),
                    instant(windowEndNanos(nowNanos, periodNanos)));
        }

        Duration untilEnd() {
            return Duration.between(now, end);
        }

        RateLimitStatus status(boolean allowed, long remaining, Duration retryAfter) {
            return new RateLimitStatus(allowed, limit, Math.max(0, Math.min(limit, remaining)), end, length,
                    retryAfter);
        }

        private static Instant instant(long epochNanos) {
            return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                    Math.floorMod(epochNanos, 1_000_000_000L));
        }
    }

    /** Bucket4j's client-side clock read from the injected {@link Clock}: wall-clock based, epoch nanoseconds. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    /**
     * Writes {@code expires_at} with every state: the end (epoch milliseconds) of the bucket's window at the client
     * clock's instant of the write. Bucket4j's own expiration column would add the time to live to
     * {@code System.currentTimeMillis()}, and its {@code removeExpired} compares with it too, ignoring the client
     * clock: this column and {@link #removeExpired()} keep to the injected clock instead.
     */
    private static final class ExpiresAtColumn implements CustomColumnProvider<UUID> {
        @Override
        public void setCustomField(UUID key, int paramIndex, PreparedStatement statement, RemoteBucketState state,
                                   long currentTimeNanos) throws SQLException {
            long periodNanos = state.getConfiguration().getBandwidths()[0].getRefillPeriodNanos();
            statement.setLong(paramIndex, Math.floorDiv(windowEndNanos(currentTimeNanos, periodNanos), 1_000_000L));
        }

        @Override
        public String getCustomFieldName() {
            return EXPIRES_AT;
        }
    }
}
