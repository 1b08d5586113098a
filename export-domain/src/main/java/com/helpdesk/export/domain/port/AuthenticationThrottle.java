package com.helpdesk.export.domain.port;

import java.time.Duration;
import java.util.Optional;

/**
 * Slows key guessing: failed authentications are counted per client address (shared by every instance), and an
 * address past its allowance is refused before any key it sends is looked at.
 */
public interface AuthenticationThrottle {

    /** Empty when the address may present a key now; otherwise how long it must wait. */
    Optional<Duration> blockedFor(String clientAddress);

    /** Counts one failed authentication from the address. */
    void recordFailure(String clientAddress);
}
