package com.helpdesk.export.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a key stands in its rate-limit window after a call was counted (or looked at).
 *
 * @param allowed    whether the call may go on
 * @param limit      calls allowed per window
 * @param remaining  calls left in this window after this one (never negative)
 * @param resetAt    when the current window ends and the budget is whole again
 * @param window     the window's length
 * @param retryAfter when refused, how long until a call is allowed again; zero when allowed
 */
public record RateLimitStatus(
        boolean allowed, long limit, long remaining, Instant resetAt, Duration window, Duration retryAfter) {
    public RateLimitStatus {
        Objects.requireNonNull(resetAt, "resetAt");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (limit < 0 || remaining < 0 || remaining > limit) {
            throw new IllegalArgumentException("0 <= remaining <= limit must hold");
        }
        if (window.isNegative() || window.isZero() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("window must be positive and retryAfter not negative");
        }
        if (allowed != retryAfter.isZero()) {
            throw new IllegalArgumentException("a refused call, and only a refused call, has a retryAfter");
        }
    }

    /** Whole seconds until a call is allowed again, at least 1 when refused. */
    public long retryAfterSeconds() {
        if (allowed) {
            return 0;
        }
        return Math.max(1, WholeSeconds.roundedUp(retryAfter));
    }
}
