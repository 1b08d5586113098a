package com.helpdesk.export.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A place in one change feed, whose entries are ordered by (stamp, id): the stamp is the 64-bit id of the transaction
 * that wrote a row version or a tombstone. With an id, the feed continues strictly after (stamp, id); without one, at
 * the first entry whose stamp is {@code stamp} or more (where an export's snapshot, or a drained feed, leaves it).
 */
public record FeedPosition(long stamp, Optional<UUID> id) {

    /** The beginning of every feed: every current row, then what changes. */
    public static final FeedPosition START = new FeedPosition(0, Optional.empty());

    public FeedPosition {
        Objects.requireNonNull(id, "id");
        if (stamp < 0) {
            throw new IllegalArgumentException("a stamp is not negative");
        }
    }

    /** Strictly after the entry (stamp, id). */
    public static FeedPosition after(long stamp, UUID id) {
        return new FeedPosition(stamp, Optional.of(id));
    }

    /** At the first entry whose stamp is {@code stamp} or more. */
    public static FeedPosition from(long stamp) {
        return new FeedPosition(stamp, Optional.empty());
    }
}
