package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.KeyDescription;
import com.helpdesk.export.domain.model.KeyStatus;
import com.helpdesk.export.domain.model.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A team's keys as of {@code at}, oldest first, each with its status at that instant.
 */
public record KeyListing(TeamId team, Instant at, List<Entry> keys) {

    public KeyListing {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(at, "at");
        keys = List.copyOf(keys);
    }

    /** One key and where it stands at the listing's instant. */
    public record Entry(KeyDescription key, KeyStatus status) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(status, "status");
        }
    }
}
