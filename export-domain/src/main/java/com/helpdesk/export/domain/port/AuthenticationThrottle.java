package com.helpdesk.export.domain.port;

import java.time.Duration;
import java.util.Optional;

/**
 * Slows key guessing without locking anyone out: failed authentications are counted per client address (shared by
 * every instance). Only a call whose key failed is ever refused for its address; a valid key always passes.
 */
public interface AuthenticationThrottle {

    /**
     * Counts one failed authentication from the address, atomically with the check: empty while the address is
     * within its allowance (this failure included), otherwise how long until it may try again. Of any number of
     * simultaneous failures, exactly those past the allowance are answered with a wait.
     */
    Optional<Duration> recordFailure(String clientAddress);
}
