package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.RateLimitStatus;

/**
 * Counts calls per key in fixed windows, in storage that every instance of the service shares, so that all
 * instances enforce one budget per key. Counting is atomic: with N calls left, of M > N simultaneous calls exactly
 * N are allowed.
 */
public interface RateLimiter {

    /** Counts one call of the key, if its budget allows it, and says where the key stands. */
    RateLimitStatus consume(KeyVerification.Verified caller);

    /** Where the key stands, without counting a call. */
    RateLimitStatus peek(KeyVerification.Verified caller);
}
