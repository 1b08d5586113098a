package com.helpdesk.export.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * What the REST adapter is told by the service's settings (the assembly makes it from them), so that the adapter
 * depends on nothing of the assembly.
 *
 * @param maxBodyBytes                 the largest request body; larger is 413
 * @param docsBaseUrl                  where the error codes are documented: an error's {@code doc_url} is this plus
 *                                     {@code #<code>}
 * @param unavailableRetryAfterSeconds the {@code Retry-After} of a 503 that knows no better wait
 * @param healthCache                  how long a health check's answer is shared by every probe
 */
public record RestSettings(
        int maxBodyBytes, String docsBaseUrl, int unavailableRetryAfterSeconds, Duration healthCache) {

    public RestSettings {
        Objects.requireNonNull(docsBaseUrl, "docsBaseUrl");
        Objects.requireNonNull(healthCache, "healthCache");
        if (maxBodyBytes < 1 || unavailableRetryAfterSeconds < 0) {
            throw new IllegalArgumentException("the body limit must be positive and Retry-After not negative");
        }
    }
}
