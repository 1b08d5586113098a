package com.helpdesk.export.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The profile of the flood tests (health probes, bad keys): a small export pool, so that what health and exports
 * take of it can be counted; the pools' own counters on (Agroal's metrics: every connection taken is counted); a
 * failure allowance small enough to be passed in a test; a rate limit and caps that concurrent exports of one key never
 * reach.
 */
public class FloodProfile implements QuarkusTestProfile {

    /** The export pool's size in this profile. */
    static final int EXPORT_POOL = 3;

    /** Failed authentications an address may make per window before its failing calls are answered 429. */
    static final int AUTH_FAILURES = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.exports.jdbc.max-size", Integer.toString(EXPORT_POOL),
                "quarkus.datasource.jdbc.metrics.enabled", "true",
                "quarkus.datasource.exports.jdbc.metrics.enabled", "true",
                "export.capacity-wait", "2S",
                "export.auth-failures.max", Integer.toString(AUTH_FAILURES),
                "export.rate-limit.secret-per-window", "1000000",
                "export.concurrency.per-key", "50",
                "export.concurrency.per-team", "100");
    }
}
