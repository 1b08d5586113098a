package com.helpdesk.export.persistence.jdbc.access;

import com.helpdesk.export.domain.port.AuthenticationThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link AuthenticationThrottle} in front of the shared count ({@link JdbcAuthenticationThrottle}) that remembers,
 * in this instance, the client networks the count has blocked: once the count answered that a network must wait until
 * its window ends, every further failure from that network until then is answered from memory, with the wait left,
 * and costs no statement. The count stays the one truth across instances (each instance learns a block from it, with
 * the failure that passes the allowance or the first one after); the answer from memory is the one the count would
 * give, since a window's count only grows until the window ends. Failures answered from memory are not added to the
 * count: past the allowance the number no longer changes any answer.
 *
 * <p>Addresses are remembered as the count groups them (an IPv6 address by its /64), at most {@code capacity} of
 * them ({@link ExpiringMemory}: ended blocks dropped first, then the oldest), so that a flood of made-up addresses
 * cannot grow the memory; an address dropped early is simply asked of the count again. Only failures reach a throttle:
 * a valid key never does, whatever its address.
 */
public final class RememberingThrottle implements AuthenticationThrottle {

    private final AuthenticationThrottle count;
    private final ExpiringMemory<String, Boolean> blocked;
    private final Clock clock;

    /**
     * @param count    the shared count of failures
     * @param capacity client networks remembered at most; 0 remembers none (every failure is counted)
     */
    public RememberingThrottle(AuthenticationThrottle count, int capacity, Clock clock) {
        this.count = Objects.requireNonNull(count, "count");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.blocked = new ExpiringMemory<>(capacity);
    }

    @Override
    public Optional<Duration> recordFailure(String clientAddress) {
        String network = JdbcAuthenticationThrottle.normalized(clientAddress);
        Instant now = clock.instant();
        Optional<ExpiringMemory.Remembered<Boolean>> known = blocked.get(network, now);
        if (known.isPresent()) {
            return Optional.of(Duration.between(now, known.get().until()));
        }
        Optional<Duration> wait = count.recordFailure(clientAddress);
        // measured from before the count read its own clock, so the memory never outlasts the count's window
        wait.ifPresent(w -> blocked.remember(network, Boolean.TRUE, now.plus(w), now));
        return wait;
    }

    /** Client networks remembered now. */
    public int remembered() {
        return blocked.size();
    }
}
