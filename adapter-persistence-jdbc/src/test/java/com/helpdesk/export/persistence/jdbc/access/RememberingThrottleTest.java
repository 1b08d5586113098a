package com.helpdesk.export.persistence.jdbc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.port.AuthenticationThrottle;
import com.helpdesk.export.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The memory of blocked networks in front of a counting fake of the shared count, on a clock the test moves. */
class RememberingThrottleTest {

    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final String ADDRESS = "203.0.113.7";

    /**
     * The shared count as {@link JdbcAuthenticationThrottle} keeps it (per network and 15-minute window aligned to the
     * epoch, blocked past the allowance until the window ends), in memory, counting every call it gets.
     */
    static final class CountingThrottle implements AuthenticationThrottle {
        final Map<String, Integer> failures = new HashMap<>();
        final Clock clock;
        int allowance = 3;
        int calls;
        RuntimeException failure;

        CountingThrottle(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Optional<Duration> recordFailure(String clientAddress) {
            calls++;
            if (failure != null) {
                throw failure;
            }
            Instant now = clock.instant();
            long window = QUARTER.toMillis();
            long start = Math.floorDiv(now.toEpochMilli(), window) * window;
            int count =
                    failures.merge(JdbcAuthenticationThrottle.normalized(clientAddress) + "@" + start, 1, Integer::sum);
            return count > allowance
                    ? Optional.of(Duration.between(now, Instant.ofEpochMilli(start + window)))
                    : Optional.empty();
        }
    }

    private final MutableClock clock = MutableClock.at("2026-11-27T14:37:30Z");
    private final CountingThrottle count = new CountingThrottle(clock);
    private final RememberingThrottle throttle = new RememberingThrottle(count, 100, clock);

    private Optional<Duration> fail(String address, int times) {
        Optional<Duration> last = Optional.empty();
        for (int i = 0; i < times; i++) {
            last = throttle.recordFailure(address);
        }
        return last;
    }

    @Test
    void onceTheCountBlocksANetworkItsFailuresAreAnsweredFromMemoryUntilTheWindowEnds() {
        assertThat(fail(ADDRESS, 3)).isEmpty();
        assertThat(fail(ADDRESS, 1)).as("past the allowance: until 14:45").contains(Duration.ofSeconds(450));
        assertThat(count.calls).isEqualTo(4);

        assertThat(fail(ADDRESS, 1_000)).contains(Duration.ofSeconds(450));
        clock.set(Instant.parse("2026-11-27T14:44:59.250Z"));
        assertThat(fail(ADDRESS, 1)).as("the wait left").contains(Duration.ofMillis(750));
        assertThat(count.calls).as("calls that reached the count").isEqualTo(4);

        clock.set(Instant.parse("2026-11-27T14:45:00Z"));
        assertThat(fail(ADDRESS, 1)).as("a new window").isEmpty();
        assertThat(count.calls).isEqualTo(5);
    }

    @Test
    void aNetworkIsRememberedAsTheCountGroupsIt() {
        fail("2001:db8:1:2::1", 4);
        assertThat(fail("2001:db8:1:2:ffff::9", 1)).as("same /64").isPresent();
        assertThat(count.calls).isEqualTo(4);

        assertThat(fail("2001:db8:1:3::1", 1)).as("another /64").isEmpty();
        assertThat(count.calls).isEqualTo(5);
    }

    @Test
    void otherAddressesAreStillCountedAndNotBlocked() {
        fail(ADDRESS, 4);
        assertThat(fail("203.0.113.8", 1)).isEmpty();
        assertThat(count.calls).isEqualTo(5);
        assertThat(throttle.remembered()).isEqualTo(1);
    }

    @Test
    void theMemoryIsBoundedAndForgetsTheOldestFirst() {
        count.allowance = 0;
        for (int i = 0; i < 1_000; i++) {
            assertThat(fail("10.0." + i / 256 + "." + i % 256, 1)).isPresent();
            assertThat(throttle.remembered()).isLessThanOrEqualTo(100);
        }
        assertThat(throttle.remembered()).isEqualTo(100);
        int calls = count.calls;

        assertThat(fail("10.0.3.231", 1)).as("the newest, from memory").isPresent();
        assertThat(count.calls).isEqualTo(calls);
        assertThat(fail("10.0.0.0", 1))
                .as("the oldest, forgotten: asked of the count again")
                .isPresent();
        assertThat(count.calls).isEqualTo(calls + 1);
    }

    @Test
    void blocksThatEndedAreDroppedBeforeAnythingElse() {
        count.allowance = 0;
        RememberingThrottle small = new RememberingThrottle(count, 10, clock);
        for (int i = 0; i < 10; i++) {
            small.recordFailure("10.0.0." + i);
        }
        assertThat(small.remembered()).isEqualTo(10);

        clock.set(Instant.parse("2026-11-27T14:45:00Z"));
        small.recordFailure("10.0.1.1");
        assertThat(small.remembered()).as("the ten ended with their window").isEqualTo(1);
    }

    @Test
    void withACapacityOfZeroEveryFailureIsCounted() {
        RememberingThrottle none = new RememberingThrottle(count, 0, clock);
        for (int i = 0; i < 10; i++) {
            none.recordFailure(ADDRESS);
        }
        assertThat(count.calls).isEqualTo(10);
        assertThat(none.remembered()).isZero();
    }

    @Test
    void aCountThatCannotAnswerIsAnErrorAndNothingIsRemembered() {
        count.allowance = 0;
        count.failure = new ExportException(ErrorCode.SERVICE_UNAVAILABLE, "database unreachable");
        assertThatThrownBy(() -> throttle.recordFailure(ADDRESS)).isSameAs(count.failure);
        assertThat(throttle.remembered()).isZero();

        count.failure = null;
        assertThat(fail(ADDRESS, 1)).isPresent();
        assertThat(count.calls).isEqualTo(2);
    }

    @Test
    void aNegativeCapacityIsRefused() {
        assertThatThrownBy(() -> new RememberingThrottle(count, -1, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
