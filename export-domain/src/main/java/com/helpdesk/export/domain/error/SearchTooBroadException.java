package com.helpdesk.export.domain.error;

import java.time.Duration;
import java.util.Objects;

/**
 * A search that no index can serve (its term holds no run of letters or digits long enough to look up) ran past the
 * small time budget such reads have, because the team holds too many rows of the type to check them all in time. The
 * request was valid in form but is too broad for a team this size: the caller is told which filter and what to do
 * ({@link #asInvalid}), rather than that the service is unavailable, since retrying the same request cannot help.
 */
public final class SearchTooBroadException extends RuntimeException {

    private final String type;
    private final Duration budget;

    /**
     * @param type   the resource type searched, as the wire names it
     * @param budget the database time such a read may take
     */
    public SearchTooBroadException(String type, Duration budget, Throwable cause) {
        super("an unindexed search of " + type + " ran past its budget of " + budget, cause, false, cause != null);
        this.type = Objects.requireNonNull(type, "type");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** The caller's error: {@code parameter_invalid} on the search filter at {@code param}. */
    public ExportException asInvalid(String param) {
        long seconds = Math.max(1, budget.toSeconds());
        return new ExportException(
                ErrorCode.PARAMETER_INVALID,
                "The search term is too broad for a team this size: it has no three letters or digits in a row, so "
                        + "no index can find it, and checking this team's " + type + " one by one takes longer than "
                        + (seconds == 1 ? "1 second" : seconds + " seconds")
                        + ". Search for a word of at least three letters or digits, or narrow "
                        + "the export with other filters.",
                param,
                this);
    }
}
