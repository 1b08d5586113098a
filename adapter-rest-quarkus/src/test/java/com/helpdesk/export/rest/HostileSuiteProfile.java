package com.helpdesk.export.rest;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The one profile of the hostile-input, isolation, CSV-safety and fault suites: its own Quarkus instance and its
 * own embedded database (so that the rows these suites add and the outages they cause touch no other test), a rate
 * limit high enough for fuzzing with one key, and a statement timeout short enough to be reached in a test.
 */
public class HostileSuiteProfile implements QuarkusTestProfile {

    /** The statement timeout of this profile. */
    static final int STATEMENT_TIMEOUT_SECONDS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "export.rate-limit.secret-per-window", "1000000",
                "export.statement-timeout", STATEMENT_TIMEOUT_SECONDS + "S");
    }
}
