package com.helpdesk.export.rest;

import com.helpdesk.export.testsupport.MutableClock;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's clock for a test that moves time itself: a {@link MutableClock} in place of the system clock that
 * the assembly produces. It is an alternative, so only a profile that lists this class among its enabled
 * alternatives runs on it; every other test runs on the system clock. The clock stands still at {@link #START}
 * until the test moves it (inject {@link MutableClock}).
 */
@Alternative
@Singleton
public class MovableClock {

    /** Twenty minutes past a full UTC hour, after the demo keys' expiry and revocation. */
    static final String START = "2026-03-02T09:20:00Z";

    @Produces
    @Alternative
    @Singleton
    MutableClock clock() {
        return MutableClock.at(START);
    }
}
