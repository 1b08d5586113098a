package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.AdministrationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The instant from which a new key is refused as expired: kept to the microsecond (what the database keeps, so that
 * what is shown is what is stored), and before the year 10000.
 */
public record KeyExpiry(Instant value) {

    /**
     * The database keeps years up to 294276 ({@link StoredTime#LATEST}), {@link Instant} parses more: keep expiries to
     * four-digit years.
     */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public KeyExpiry {
        Objects.requireNonNull(value, "value");
        value = value.truncatedTo(ChronoUnit.MICROS);
        if (value.isAfter(LATEST)) {
            throw AdministrationException.invalid(
                    "The expiry must be before the year 10000; leave it out for a key that does not expire.");
        }
    }

    /** The expiry of a key created at {@code now}: it must lie after {@code now}. */
    public static KeyExpiry of(Instant requested, Instant now) {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(now, "now");
        KeyExpiry expiry = new KeyExpiry(requested);
        if (!expiry.value.isAfter(now)) {
            throw AdministrationException.invalid(
                    "The expiry must be in the future (it is " + requested + ", now is " + now + ").");
        }
        return expiry;
    }
}
