package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * The one place where this adapter turns {@link SQLException}s into the domain's {@link ExportException}s.
 * Messages are for the API's caller: they never hold SQL text, table names or values; the original exception
 * is kept as the cause, for the server's log only.
 */
public final class SqlErrors {

    public static final String UNAVAILABLE_MESSAGE = "The database cannot be reached right now. Try again shortly.";
    public static final String TOO_LONG_MESSAGE = "The export took too long to read from the database and was stopped. "
            + "Try again later, or narrow the export with filters.";
    public static final String INTERNAL_MESSAGE = "The export failed because of an internal error.";
    public static final String AT_CAPACITY_MESSAGE =
            "The service is at capacity: every database connection for exports is " + "in use. Try again shortly.";
    public static final String CANCELLED_MESSAGE = "The export was stopped: its client closed the connection.";

    /** PostgreSQL's query_canceled: what a statement gets when statement_timeout ends it. */
    public static final String QUERY_CANCELED = "57014";
    /** PostgreSQL's lock_not_available: what a statement gets when lock_timeout ends its wait for a lock. */
    public static final String LOCK_NOT_AVAILABLE = "55P03";
    /**
     * PostgreSQL's serialization_failure: on a hot standby, what a read gets when replaying the primary's changes
     * conflicts with it for longer than max_standby_streaming_delay ("canceling statement due to conflict with
     * recovery"). Read-only snapshots on the primary never get it.
     */
    public static final String SERIALIZATION_FAILURE = "40001";

    public static final String RECOVERY_CONFLICT_MESSAGE =
            "The export was interrupted by replication on the database it " + "is read from. Try again shortly.";

    private SqlErrors() {}

    /** A connection could not be had at all (database down, pool exhausted): always {@code SERVICE_UNAVAILABLE}. */
    public static ExportException connectionUnavailable(SQLException e) {
        return new ExportException(ErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE, null, e);
    }

    /** No snapshot could be had in time: every one this instance may open is in use. */
    public static ExportException atCapacity() {
        return new ExportException(ErrorCode.SERVICE_UNAVAILABLE, AT_CAPACITY_MESSAGE);
    }

    /** The deadline of the export's database work passed and its connection was aborted. */
    public static ExportException deadlinePassed(Throwable cause) {
        return new ExportException(ErrorCode.SERVICE_UNAVAILABLE, TOO_LONG_MESSAGE, null, cause);
    }

    /** The export was cancelled (its client left) and its connection aborted: nobody reads this answer. */
    public static ExportException cancelled(Throwable cause) {
        return new ExportException(ErrorCode.SERVICE_UNAVAILABLE, CANCELLED_MESSAGE, null, cause);
    }

    /** Any other failure of a statement. */
    public static ExportException translate(SQLException e) {
        String state = e.getSQLState();
        if (isConnectionFailure(e, state)) {
            return new ExportException(ErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE, null, e);
        }
        if (QUERY_CANCELED.equals(state) || LOCK_NOT_AVAILABLE.equals(state)) {
            // The statement_timeout ended the read. Deliberately SERVICE_UNAVAILABLE (503 with Retry-After), not
            // INTERNAL_ERROR: nothing is broken and the request was valid; the database was too slow or too busy
            // to serve it within the bound we set to protect it, which is a capacity condition a later retry
            // (or a narrower export) can get past. The message says so instead of blaming the caller.
            return new ExportException(ErrorCode.SERVICE_UNAVAILABLE, TOO_LONG_MESSAGE, null, e);
        }
        if (SERIALIZATION_FAILURE.equals(state)) {
            // a standby's recovery conflict: transient, the same request succeeds when retried
            return new ExportException(ErrorCode.SERVICE_UNAVAILABLE, RECOVERY_CONFLICT_MESSAGE, null, e);
        }
        return new ExportException(ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE, null, e);
    }

    /**
     * A failure of a statement that counts calls (rate limits, failed authentications). Like {@link #translate},
     * except that a cancelled statement is only "unavailable": no export was being read.
     */
    public static ExportException translateCounting(SQLException e) {
        String state = e.getSQLState();
        if (isConnectionFailure(e, state) || QUERY_CANCELED.equals(state) || LOCK_NOT_AVAILABLE.equals(state)) {
            return new ExportException(ErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE, null, e);
        }
        return new ExportException(ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE, null, e);
    }

    /** A failure without an SQLException behind it (e.g. a library's own), kept as the cause for the log. */
    public static ExportException internal(Throwable cause) {
        return new ExportException(ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE, null, cause);
    }

    /** A row that the schema's constraints should have made impossible (an unknown role, kind or mode). */
    public static ExportException inconsistentRow() {
        return new ExportException(ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE);
    }

    private static boolean isConnectionFailure(SQLException e, String state) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (state == null) {
            return false;
        }
        return state.startsWith("08") // connection exception (refused, broken, closed)
                || state.equals("53300") // too_many_connections
                || state.equals("57P01") // admin_shutdown
                || state.equals("57P02") // crash_shutdown
                || state.equals("57P03"); // cannot_connect_now (starting up, recovering)
    }
}
