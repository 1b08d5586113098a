package com.helpdesk.export.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A wait told to a client in whole seconds ({@code Retry-After}, the seconds until a rate-limit window resets) is
 * rounded up, so that a client that waits that long is never early.
 */
public final class WholeSeconds {

    private WholeSeconds() {}

    /** {@code duration} rounded up to whole seconds: zero is 0, exactly n seconds is n, n seconds and 1 ns is n + 1. */
    public static long roundedUp(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    }
}
