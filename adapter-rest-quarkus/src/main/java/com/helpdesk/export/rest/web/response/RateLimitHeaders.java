package com.helpdesk.export.rest.web.response;

import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.model.WholeSeconds;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * Writes a key's rate-limit status as headers, on whatever answer follows: the contract's {@code X-RateLimit-*}
 * and the IETF draft's structured {@code RateLimit-Policy} / {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers,
 * with the policy named {@code "per-key"}; {@code t} is seconds until the window resets).
 */
@ApplicationScoped
public class RateLimitHeaders {

    static final String POLICY = "\"per-key\"";

    private final Clock clock;

    public RateLimitHeaders(Clock clock) {
        this.clock = clock;
    }

    public void write(HttpServerResponse response, RateLimitStatus status) {
        if (response.headWritten()) {
            return;
        }
        Duration untilReset = Duration.between(clock.instant(), status.resetAt());
        long secondsUntilReset = Math.max(0, WholeSeconds.roundedUp(untilReset));
        response.putHeader("X-RateLimit-Limit", Long.toString(status.limit()))
                .putHeader("X-RateLimit-Remaining", Long.toString(status.remaining()))
                .putHeader(
                        "X-RateLimit-Reset",
                        Long.toString(status.resetAt().getEpochSecond()
                                + (status.resetAt().getNano() > 0 ? 1 : 0)))
                .putHeader("X-RateLimit-Window", Long.toString(status.window().toSeconds()))
                .putHeader(
                        "RateLimit-Policy",
                        POLICY + ";q=" + status.limit() + ";w="
                                + status.window().toSeconds())
                .putHeader("RateLimit", POLICY + ";r=" + status.remaining() + ";t=" + secondsUntilReset);
    }
}
