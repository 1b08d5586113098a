package com.helpdesk.export.domain.policy;

import com.helpdesk.export.domain.model.KeyKind;
import java.time.Duration;
import java.util.Objects;

/**
 * Calls allowed per key in each fixed window (by default one hour; 1,000 for secret keys, 100 for publishable
 * keys), set by the deployment.
 */
public record RateLimits(long secretPerWindow, long publishablePerWindow, Duration window) {

    public static final Duration CONTRACT_WINDOW = Duration.ofHours(1);

    public RateLimits {
        Objects.requireNonNull(window, "window");
        if (secretPerWindow < 1 || publishablePerWindow < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        if (window.isNegative() || window.isZero() || window.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("the window must be a positive whole number of seconds");
        }
    }

    public static RateLimits contractDefault() {
        return new RateLimits(1_000, 100, CONTRACT_WINDOW);
    }

    public long limitFor(KeyKind kind) {
        return kind == KeyKind.SECRET ? secretPerWindow : publishablePerWindow;
    }
}
