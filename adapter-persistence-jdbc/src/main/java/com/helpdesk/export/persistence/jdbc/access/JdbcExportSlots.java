package com.helpdesk.export.persistence.jdbc.access;

import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.policy.ConcurrencyLimits;
import com.helpdesk.export.domain.port.ExportSlots;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The {@link ExportSlots} over the {@code export_leases} table (migration V3): one lease per export in progress,
 * shared by every instance of the service, after Stripe's concurrent-request limiter.
 *
 * <p>Taking a slot is one short transaction: a transaction-level advisory lock on the team (so that takers of one
 * team queue behind each other, on every instance, and nobody else waits), then one statement that counts the team's
 * live leases, in all and of the key, and inserts the new lease only while both are below their caps. A lease lives
 * {@code ttl} from the moment it is taken or renewed; this instance renews the leases it holds every {@code ttl / 3}
 * and deletes each when its export ends. The leases of an instance that died are renewed by nobody and stop counting
 * when they expire, within {@code ttl}. {@link #removeExpired()} deletes expired rows. All times come from the
 * injected clock, never the database server's.
 */
public final class JdbcExportSlots implements ExportSlots, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JdbcExportSlots.class.getName());
    /** First key of the advisory lock: the leases' own class of lock, beside the team's hash as the second. */
    private static final int LOCK_CLASS = 1701;

    private static final String LOCK_TEAM = "SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext(?::text))";
    private static final String TAKE = "WITH live AS ("
            + "SELECT count(*) FILTER (WHERE key_id = ?) AS by_key, count(*) AS by_team FROM export_leases "
            + "WHERE team_id = ? AND expires_at > ?), "
            + "taken AS (INSERT INTO export_leases (id, team_id, key_id, instance_id, acquired_at, expires_at) "
            + "SELECT ?, ?, ?, ?, ?, ? FROM live "
            + "WHERE live.by_key < ? AND live.by_team < ? RETURNING id) "
            + "SELECT by_key, by_team, EXISTS (SELECT 1 FROM taken) FROM live";
    private static final String RELEASE = "DELETE FROM export_leases WHERE id = ?";
    private static final String RENEW = "UPDATE export_leases SET expires_at = ? WHERE id = ANY (?)";
    private static final String REMOVE_EXPIRED = "DELETE FROM export_leases WHERE id IN (SELECT id FROM "
            + "export_leases WHERE expires_at <= ? LIMIT ? FOR UPDATE SKIP LOCKED)";

    private final DataSource dataSource;
    private final ConcurrencyLimits limits;
    private final Duration ttl;
    private final Clock clock;
    private final UUID instance = UUID.randomUUID();
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer;

    /** @param ttl how long a lease lives without renewal: the longest a dead instance's slot stays taken */
    public JdbcExportSlots(DataSource dataSource, ConcurrencyLimits limits, Duration ttl, Clock clock) {
        this(dataSource, limits, longEnough(ttl), clock, Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "export-lease-renewal");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** @param renewer runs the renewal of the held leases, every {@code ttl / 3}; shut down by {@link #close()} */
    JdbcExportSlots(
            DataSource dataSource,
            ConcurrencyLimits limits,
            Duration ttl,
            Clock clock,
            ScheduledExecutorService renewer) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ttl = longEnough(ttl);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.renewer = Objects.requireNonNull(renewer, "renewer");
        long every = Math.max(100, ttl.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewSafely, every, every, TimeUnit.MILLISECONDS);
    }

    private static Duration longEnough(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.toMillis() < 300) {
            throw new IllegalArgumentException("a lease must live at least 300 ms");
        }
        return ttl;
    }

    @Override
    public Acquisition acquire(KeyVerification.Verified caller) {
        Objects.requireNonNull(caller, "caller");
        UUID lease = UUID.randomUUID();
        UUID team = caller.team().value();
        Connection connection = Connections.open(dataSource);
        try (connection) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement(LOCK_TEAM)) {
                    lock.setObject(1, team);
                    lock.execute();
                }
                // the time of the count: read once this taker holds the team's lock, not before it waited for it
                Instant now = clock.instant();
                Acquisition decision;
                try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                    take.setObject(1, caller.keyId());
                    take.setObject(2, team);
                    take.setObject(3, timestamp(now));
                    take.setObject(4, lease);
                    take.setObject(5, team);
                    take.setObject(6, caller.keyId());
                    take.setObject(7, instance);
                    take.setObject(8, timestamp(now));
                    take.setObject(9, timestamp(now.plus(ttl)));
                    take.setInt(10, limits.perKey());
                    take.setInt(11, limits.perTeam());
                    try (ResultSet row = take.executeQuery()) {
                        row.next();
                        long byKey = row.getLong(1);
                        boolean taken = row.getBoolean(3);
                        decision = taken
                                ? new Acquired(new Lease(lease))
                                : byKey >= limits.perKey()
                                        ? new Refused(Cap.KEY, limits.perKey())
                                        : new Refused(Cap.TEAM, limits.perTeam());
                    }
                }
                connection.commit();
                if (decision instanceof Acquired) {
                    held.add(lease);
                }
                return decision;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
    }

    /** Leases this instance holds now. */
    public int held() {
        return held.size();
    }

    /** This instance's id, as its leases carry it. */
    public UUID instance() {
        return instance;
    }

    /**
     * Deletes expired leases, in batches.
     *
     * @return how many were deleted
     */
    public int removeExpired() {
        try (Connection connection = Connections.open(dataSource);
                PreparedStatement statement = connection.prepareStatement(REMOVE_EXPIRED)) {
            statement.setObject(1, timestamp(clock.instant()));
            return BatchedDelete.run(statement, 2);
        } catch (SQLException e) {
            throw SqlErrors.translateCounting(e);
        }
    }

    /** Pushes the expiry of every lease this instance holds to {@code ttl} from now. */
    void renew() throws SQLException {
        UUID[] ids = held.toArray(UUID[]::new);
        if (ids.length == 0) {
            return;
        }
        try (Connection connection = Connections.open(dataSource);
                PreparedStatement statement = connection.prepareStatement(RENEW)) {
            statement.setObject(1, timestamp(clock.instant().plus(ttl)));
            statement.setArray(2, connection.createArrayOf("uuid", ids));
            statement.executeUpdate();
        }
    }

    private void renewSafely() {
        try {
            renew();
        } catch (SQLException | RuntimeException e) {
            // the leases run out if the database stays away; the next renewal tries again
            LOG.log(Level.WARNING, "renewing export leases failed: {0}", e.getMessage());
        }
    }

    private void release(UUID lease) {
        if (!held.remove(lease)) {
            return;
        }
        try (Connection connection = Connections.open(dataSource);
                PreparedStatement statement = connection.prepareStatement(RELEASE)) {
            statement.setObject(1, lease);
            statement.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // no longer renewed: the lease expires within its time to live
            LOG.log(Level.WARNING, "releasing an export lease failed; it expires by itself: {0}", e.getMessage());
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is failing; the transaction ends with it
        }
    }

    /** Stops renewing and gives back the leases still held. */
    @Override
    public void close() {
        renewer.shutdownNow();
        for (UUID lease : held.toArray(UUID[]::new)) {
            release(lease);
        }
    }

    /** One export's lease. */
    private final class Lease implements Slot {
        private final UUID id;
        private final AtomicBoolean closed = new AtomicBoolean();

        Lease(UUID id) {
            this.id = id;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(id);
            }
        }
    }
}
