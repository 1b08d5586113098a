package com.helpdesk.export.domain.policy;

import com.helpdesk.export.domain.model.WholeSeconds;
import java.time.Duration;
import java.util.Objects;

/**
 * How many exports may be in progress at once (per key 2, per team 4 by default), across every
 * instance, and how long a refused caller is asked to wait before trying again.
 */
public record ConcurrencyLimits(int perKey, int perTeam, Duration retryAfter) {

    public ConcurrencyLimits {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (perKey < 1 || perTeam < 1) {
            throw new IllegalArgumentException("the caps must be at least 1");
        }
        if (perKey > perTeam) {
            throw new IllegalArgumentException(
                    "the cap per key (" + perKey + ") cannot exceed the cap per team (" + perTeam + ")");
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
    }

    public static ConcurrencyLimits contractDefault() {
        return new ConcurrencyLimits(2, 4, Duration.ofSeconds(2));
    }

    /** Whole seconds a refused caller waits, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, WholeSeconds.roundedUp(retryAfter));
    }
}
