package com.helpdesk.export.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The instants a stored time can hold: those of PostgreSQL's {@code timestamptz}, from 4714-11-24 00:00:00 BC to
 * 294276-12-31 23:59:59.999999 (UTC), to the microsecond. PostgreSQL's documentation rounds the first to "4713 BC";
 * the server refuses anything before 4714-11-24 BC (its Julian day 0) as out of range. A time from outside (a
 * cursor made by hand) is checked against these bounds before it can reach a query.
 */
public final class StoredTime {

    /** The first instant a stored time can hold: 4714-11-24 00:00:00 BC, UTC (ISO year -4713). */
    public static final Instant EARLIEST = Instant.parse("-4713-11-24T00:00:00Z");

    /** The last instant a stored time can hold: 294276-12-31 23:59:59.999999, UTC. */
    public static final Instant LATEST = Instant.parse("+294276-12-31T23:59:59.999999Z");

    private StoredTime() {}

    /** Whether {@code instant} lies within {@link #EARLIEST} and {@link #LATEST}, both included. */
    public static boolean holds(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
