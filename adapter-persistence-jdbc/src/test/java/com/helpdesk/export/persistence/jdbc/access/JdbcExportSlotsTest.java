package com.helpdesk.export.persistence.jdbc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.policy.ConcurrencyLimits;
import com.helpdesk.export.domain.port.ExportSlots;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPools;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import com.helpdesk.export.persistence.jdbc.testsupport.TestSql;
import com.helpdesk.export.testsupport.MutableClock;
import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcExportSlotsTest {

    private static final ConcurrencyLimits LIMITS = new ConcurrencyLimits(2, 4, Duration.ofSeconds(2));

    private final DataSource database = TestPostgres.migratedDatabase();
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final List<JdbcExportSlots> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(JdbcExportSlots::close);
    }

    private JdbcExportSlots slots(DataSource dataSource, Duration ttl) {
        JdbcExportSlots slots = new JdbcExportSlots(dataSource, LIMITS, ttl, clock);
        opened.add(slots);
        return slots;
    }

    /**
     * Takes the renewal the slots schedule, so that the test runs it when it has moved the clock by its period,
     * instead of it running on the wall clock.
     */
    private static final class ManualRenewal extends ScheduledThreadPoolExecutor {
        private Runnable renewal;
        private Duration every;

        ManualRenewal() {
            super(0);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(
                Runnable command, long initialDelay, long delay, TimeUnit unit) {
            renewal = command;
            every = Duration.of(delay, unit.toChronoUnit());
            // a real schedule for shutdownNow to cancel, that never comes due while a test runs
            return super.scheduleWithFixedDelay(command, 365, 365, TimeUnit.DAYS);
        }

        Duration every() {
            return every;
        }

        void run() {
            renewal.run();
        }
    }

    private static KeyVerification.Verified key(TeamId team) {
        return new KeyVerification.Verified(
                UUID.randomUUID(), team, UUID.randomUUID(), Role.OWNER, KeyKind.SECRET, Mode.LIVE, "sk_live_AbCd");
    }

    private static ExportSlots.Slot taken(ExportSlots.Acquisition decision) {
        assertThat(decision).isInstanceOf(ExportSlots.Acquired.class);
        return ((ExportSlots.Acquired) decision).slot();
    }

    @Test
    void aKeyHoldsAtMostItsCapAndATeamAtMostItsOwnAcrossItsKeysAndModes() throws SQLException {
        JdbcExportSlots slots = slots(database, Duration.ofSeconds(30));
        TeamId team = new TeamId(UUID.randomUUID());
        KeyVerification.Verified first = key(team);
        KeyVerification.Verified second = key(team);
        KeyVerification.Verified third = new KeyVerification.Verified(
                UUID.randomUUID(), team, UUID.randomUUID(), Role.ADMIN, KeyKind.SECRET, Mode.TEST, "sk_test_AbCd");

        ExportSlots.Slot a = taken(slots.acquire(first));
        taken(slots.acquire(first));
        assertThat(slots.acquire(first)).isEqualTo(new ExportSlots.Refused(ExportSlots.Cap.KEY, 2));
        taken(slots.acquire(second));
        taken(slots.acquire(second));
        assertThat(slots.acquire(third)).isEqualTo(new ExportSlots.Refused(ExportSlots.Cap.TEAM, 4));
        // another team is not affected
        taken(slots.acquire(key(new TeamId(UUID.randomUUID())))).close();

        a.close();
        a.close(); // idempotent: gives back one slot, once
        ExportSlots.Slot c = taken(slots.acquire(third));
        assertThat(slots.acquire(first)).isEqualTo(new ExportSlots.Refused(ExportSlots.Cap.TEAM, 4));
        assertThat(slots.held()).isEqualTo(4);
        c.close();
        assertThat(live(team)).isEqualTo(3);
    }

    @Test
    void ofSimultaneousCallsOnTwoInstancesExactlyTheCapGetASlot() throws Exception {
        int threads = 24;
        try (AgroalDataSource poolA = TestPools.pooled(database, threads);
                AgroalDataSource poolB = TestPools.pooled(TestPools.sameDatabase(database), threads)) {
            JdbcExportSlots instanceA = slots(poolA, Duration.ofSeconds(30));
            JdbcExportSlots instanceB = slots(poolB, Duration.ofSeconds(30));
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            try {
                for (int round = 0; round < 3; round++) {
                    TeamId team = new TeamId(UUID.randomUUID());
                    List<KeyVerification.Verified> keys = List.of(key(team), key(team), key(team));
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<ExportSlots.Acquisition>> decisions = new ArrayList<>();
                    for (int i = 0; i < threads; i++) {
                        JdbcExportSlots instance = i % 2 == 0 ? instanceA : instanceB;
                        KeyVerification.Verified caller = keys.get(i % keys.size());
                        decisions.add(executor.submit(() -> {
                            start.await();
                            return instance.acquire(caller);
                        }));
                    }
                    start.countDown();
                    int acquired = 0;
                    for (Future<ExportSlots.Acquisition> decision : decisions) {
                        if (decision.get(30, TimeUnit.SECONDS) instanceof ExportSlots.Acquired) {
                            acquired++;
                        }
                    }
                    assertThat(acquired).as("round %d", round).isEqualTo(4);
                    assertThat(live(team)).isEqualTo(4);
                    for (KeyVerification.Verified k : keys) {
                        assertThat(liveOfKey(k.keyId())).isLessThanOrEqualTo(2);
                    }
                }
            } finally {
                executor.shutdownNow();
            }
        }
    }

    @Test
    void theSlotOfAnInstanceThatStoppedRenewingFreesItselfWhenItsLeaseExpires() throws Exception {
        Duration ttl = Duration.ofSeconds(30);
        ManualRenewal renewal = new ManualRenewal();
        JdbcExportSlots live = new JdbcExportSlots(database, LIMITS, ttl, clock, renewal);
        opened.add(live);
        assertThat(renewal.every()).as("renewed well within its time to live").isEqualTo(ttl.dividedBy(3));
        TeamId team = new TeamId(UUID.randomUUID());
        KeyVerification.Verified caller = key(team);
        // a dead instance's leases: rows nobody renews, as a killed instance leaves them
        insertLease(team, caller.keyId(), ttl);
        insertLease(team, caller.keyId(), ttl);
        assertThat(live.acquire(caller)).isInstanceOf(ExportSlots.Refused.class);
        clock.advance(ttl.minusSeconds(1));
        assertThat(live.acquire(caller)).isInstanceOf(ExportSlots.Refused.class);

        clock.advance(Duration.ofSeconds(2));
        ExportSlots.Slot mine = taken(live.acquire(caller));
        // a lease that is renewed outlives its time to live many times over
        for (int renewed = 0; renewed < 9; renewed++) {
            clock.advance(renewal.every());
            renewal.run();
        }
        assertThat(liveOfKey(caller.keyId())).isEqualTo(1);
        assertThat(live.removeExpired()).isEqualTo(2);
        mine.close();
        assertThat(liveOfKey(caller.keyId())).isZero();
    }

    @Test
    void closingTheInstanceGivesBackItsLeases() throws SQLException {
        JdbcExportSlots slots = new JdbcExportSlots(database, LIMITS, Duration.ofSeconds(30), clock);
        TeamId team = new TeamId(UUID.randomUUID());
        taken(slots.acquire(key(team)));
        taken(slots.acquire(key(team)));
        assertThat(live(team)).isEqualTo(2);
        slots.close();
        assertThat(live(team)).isZero();
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JdbcExportSlots slots = slots(TestPostgres.unreachableDatabase(port), Duration.ofSeconds(30));
        assertThatThrownBy(() -> slots.acquire(key(new TeamId(UUID.randomUUID()))))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    }

    private void insertLease(TeamId team, UUID keyId, Duration ttl) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO export_leases (id, team_id, key_id, instance_id, acquired_at, expires_at) "
                                + "VALUES (gen_random_uuid(), ?, ?, gen_random_uuid(), ?, ?)")) {
            statement.setObject(1, team.value());
            statement.setObject(2, keyId);
            statement.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            statement.setObject(4, clock.instant().plus(ttl).atOffset(ZoneOffset.UTC));
            statement.executeUpdate();
        }
    }

    /** The team's leases live at the clock's now. */
    private long live(TeamId team) throws SQLException {
        return TestSql.count(
                database,
                "SELECT count(*) FROM export_leases WHERE team_id = ? AND expires_at > ?",
                team.value(),
                clock.instant().atOffset(ZoneOffset.UTC));
    }

    /** The key's leases live at the clock's now. */
    private long liveOfKey(UUID keyId) throws SQLException {
        return TestSql.count(
                database,
                "SELECT count(*) FROM export_leases WHERE key_id = ? AND expires_at > ?",
                keyId,
                clock.instant().atOffset(ZoneOffset.UTC));
    }
}
