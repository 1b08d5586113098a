package com.helpdesk.export.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The one profile of the hostile-input, isolation, CSV-safety and fault suites: its own Quarkus instance and its
 * own embedded database (so that the rows these suites add and the outages they cause touch no other test), a rate
 * limit and concurrency caps high enough for fuzzing and stalling with one key, and a statement timeout and an HTTP
 * idle timeout short enough to be reached in a test.
 */
public class HostileSuiteProfile implements QuarkusTestProfile {

    /** The statement timeout of this profile. */
    static final int STATEMENT_TIMEOUT_SECONDS = 3;
    /**
     * The HTTP idle timeout of this profile: a connection with no byte read or written for this long is closed,
     * which is what ends the export of a client that stopped reading. It must exceed the longest a request may wait
     * on the database without any I/O on its connection: the statement timeout, and the control pool's socket timeout
     * (6 s) against a database that stopped answering.
     */
    static final int IDLE_TIMEOUT_SECONDS = 10;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "export.rate-limit.secret-per-window", "1000000",
                // the fault tests hold many exports of one key at once on purpose; the caps are tested elsewhere
                "export.concurrency.per-key", "50",
                "export.concurrency.per-team", "100",
                "export.statement-timeout", STATEMENT_TIMEOUT_SECONDS + "S",
                "quarkus.http.idle-timeout", IDLE_TIMEOUT_SECONDS + "S");
    }
}
