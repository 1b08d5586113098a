package com.helpdesk.export.persistence.jdbc.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.application.port.in.AddMemberCommand;
import com.helpdesk.export.application.port.in.CreateKeyCommand;
import com.helpdesk.export.application.port.in.CreateTeamCommand;
import com.helpdesk.export.application.port.in.CreatedKey;
import com.helpdesk.export.application.port.in.RevokeKeyCommand;
import com.helpdesk.export.application.service.KeyAdministrationService;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.MemberName;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.model.TeamName;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPools;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import com.helpdesk.export.persistence.jdbc.testsupport.TestSql;
import com.helpdesk.export.testsupport.MutableClock;
import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What refused calls cost PostgreSQL once an instance remembers them: the statements counted by the pools (Agroal's
 * counters) and by the rows themselves, on a real database.
 */
class RememberedRefusalsTest {

    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final String ADDRESS = "203.0.113.7";

    private final DataSource database = TestPostgres.migratedDatabase();
    private final MutableClock clock = MutableClock.at("2026-11-27T14:37:30Z");

    @Test
    void aFloodOfFailuresFromABlockedAddressStopsWritingOnEveryInstance() throws SQLException {
        try (AgroalDataSource first = TestPools.counted(database, 4);
                AgroalDataSource second = TestPools.counted(TestPools.sameDatabase(database), 4)) {
            RememberingThrottle one =
                    new RememberingThrottle(new JdbcAuthenticationThrottle(first, 3, QUARTER, clock), 100, clock);
            RememberingThrottle other =
                    new RememberingThrottle(new JdbcAuthenticationThrottle(second, 3, QUARTER, clock), 100, clock);

            for (int i = 0; i < 3; i++) {
                assertThat(one.recordFailure(ADDRESS)).isEmpty();
            }
            for (int i = 0; i < 1_000; i++) {
                assertThat(one.recordFailure(ADDRESS)).contains(Duration.ofSeconds(450));
            }
            assertThat(failures(ADDRESS))
                    .as("the count: the allowance and the failure that passed it")
                    .isEqualTo(4);
            assertThat(first.getMetrics().acquireCount())
                    .as("statements of the first instance")
                    .isEqualTo(4);

            // the other instance learns the block from the count, with its first failure, then remembers it
            for (int i = 0; i < 1_000; i++) {
                assertThat(other.recordFailure(ADDRESS)).contains(Duration.ofSeconds(450));
            }
            assertThat(failures(ADDRESS)).isEqualTo(5);
            assertThat(second.getMetrics().acquireCount())
                    .as("statements of the second instance")
                    .isEqualTo(1);

            // a new window is counted from zero again
            clock.set(Instant.parse("2026-11-27T14:45:00Z"));
            assertThat(one.recordFailure(ADDRESS)).isEmpty();
            assertThat(first.getMetrics().acquireCount()).isEqualTo(5);
        }
    }

    @Test
    void aRejectedKeyIsLookedUpOncePerTimeToLiveAndAValidOneAtEveryCall() {
        KeyAdministrationService administration =
                new KeyAdministrationService(new JdbcKeyAdministration(database), clock);
        TeamId team = administration.createTeam(new CreateTeamCommand(new TeamName("Acme")));
        UUID member = administration.addMember(
                new AddMemberCommand(team, new MemberName("Olivia"), Optional.empty(), Role.OWNER));
        CreatedKey created = administration.createKey(
                new CreateKeyCommand(team, member, KeyKind.SECRET, Mode.LIVE, Optional.empty()));
        ApiKey unknown = ApiKey.parse("sk_live_Unknown00000000000000");

        try (AgroalDataSource pool = TestPools.counted(database, 4)) {
            RememberingKeyVerifier verifier =
                    new RememberingKeyVerifier(new JdbcKeyVerifier(pool, clock), 100, Duration.ofMinutes(1), clock);

            for (int i = 0; i < 500; i++) {
                assertThat(verifier.verify(unknown))
                        .isEqualTo(new KeyVerification.Rejected(KeyVerification.Reason.UNKNOWN));
            }
            assertThat(pool.getMetrics().acquireCount())
                    .as("lookups of the unknown key")
                    .isEqualTo(1);

            for (int i = 0; i < 3; i++) {
                assertThat(verifier.verify(created.key())).isInstanceOf(KeyVerification.Verified.class);
            }
            assertThat(pool.getMetrics().acquireCount())
                    .as("a valid key is looked up every time")
                    .isEqualTo(4);

            administration.revokeKey(new RevokeKeyCommand(team, created.keyId()));
            for (int i = 0; i < 500; i++) {
                assertThat(verifier.verify(created.key()))
                        .as("revoked: refused at the next call")
                        .isEqualTo(new KeyVerification.Rejected(KeyVerification.Reason.REVOKED));
            }
            assertThat(pool.getMetrics().acquireCount()).isEqualTo(5);

            clock.advance(Duration.ofMinutes(1));
            verifier.verify(unknown);
            assertThat(pool.getMetrics().acquireCount())
                    .as("looked up again after a minute")
                    .isEqualTo(6);
        }
    }

    private long failures(String address) throws SQLException {
        return TestSql.count(database, "SELECT sum(failures) FROM auth_failures WHERE address = ?", address);
    }
}
