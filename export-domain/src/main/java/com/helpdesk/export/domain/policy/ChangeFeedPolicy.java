package com.helpdesk.export.domain.policy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.FeedPosition;
import com.helpdesk.export.domain.model.FeedState;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a changes call may start, and the cursors it hands out. A feed never silently skips: a cursor issued longer
 * ago than the retention of tombstones, one whose position lies before a tombstone already deleted, or one issued by
 * another database cluster (a restore, another cluster) is refused as expired, and the caller starts again from the
 * beginning. A cursor of another team's or mode's feed is refused as invalid, saying nothing of that feed.
 */
public final class ChangeFeedPolicy {

    /** The retention when none is configured. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(35);

    static final String START_AGAIN =
            " Start again with \"cursor\": null (every current row, as upserts) and " + "replace the copy.";

    private final Duration retention;

    public ChangeFeedPolicy(Duration retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention of tombstones must be positive: " + retention);
        }
    }

    public Duration retention() {
        return retention;
    }

    /**
     * Where the feed of {@code type} continues for {@code scope}, read in a snapshot in {@code state}.
     *
     * @param param the request path of the cursor, for errors
     */
    public Decision<FeedPosition> start(
            ResourceType type, Optional<ChangeCursor> cursor, Scope scope, FeedState state, String param) {
        if (cursor.isEmpty()) {
            return Decision.allowed(FeedPosition.START);
        }
        ChangeCursor given = cursor.get();
        if (given.type() != type || !given.belongsTo(scope)) {
            var invalid = ChangeCursor.invalid(type, param);
            return Decision.rejected(invalid.code(), invalid.getMessage(), param);
        }
        if (given.cluster() != state.cluster()) {
            return Decision.rejected(
                    ErrorCode.CURSOR_EXPIRED,
                    "This cursor was issued by another database (the data was restored or moved since), so the "
                            + "changes after it cannot be told." + START_AGAIN,
                    param);
        }
        if (given.issuedAt().isBefore(state.now().minus(retention))) {
            return Decision.rejected(
                    ErrorCode.CURSOR_EXPIRED,
                    "This cursor is older than the " + retention.toDays() + " days deletions are kept for."
                            + START_AGAIN,
                    param);
        }
        if (state.purgedStamp() > 0 && given.position().stamp() <= state.purgedStamp()) {
            return Decision.rejected(
                    ErrorCode.CURSOR_EXPIRED,
                    "Deletions after this cursor are no longer kept (they are kept " + retention.toDays() + " days)."
                            + START_AGAIN,
                    param);
        }
        return Decision.allowed(given.position());
    }

    /** The cursor that continues the feed of {@code type} at {@code position}, issued now. */
    public ChangeCursor cursor(ResourceType type, Scope scope, FeedPosition position, FeedState state) {
        return ChangeCursor.of(type, scope, position, state.cluster(), state.now());
    }
}
