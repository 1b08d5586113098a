package com.helpdesk.export.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a read snapshot says of the change feed at its moment.
 *
 * @param horizon      the snapshot's xmin: every transaction with a smaller id has ended, so every entry stamped below
 *                     it is final; a feed read gives only those
 * @param cluster      what tells this database cluster apart from another (a restore, another cluster); the same on
 *                     its physical standbys
 * @param purgedStamp  the highest stamp of a tombstone deleted for its age so far (0: none): a cursor whose position is
 *                     not past it may have lost deletions
 * @param now          the database's time at the snapshot
 * @param lag          how far behind the feed is held: the age of the oldest write transaction still running, and on
 *                     a standby its replay lag
 */
public record FeedState(long horizon, long cluster, long purgedStamp, Instant now, Duration lag) {
    public FeedState {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lag, "lag");
        if (horizon < 0 || purgedStamp < 0) {
            throw new IllegalArgumentException("stamps are not negative");
        }
        if (lag.isNegative()) {
            lag = Duration.ZERO;
        }
    }
}
