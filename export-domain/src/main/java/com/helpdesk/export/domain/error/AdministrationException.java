package com.helpdesk.export.domain.error;

import java.util.Objects;

/**
 * A refusal or failure of the administration of teams, members and keys, with a message meant for the
 * administrator. Messages name teams, members and keys by id or display prefix only: never a plain key, never a
 * key hash. It is not an export error ({@link ExportException}): nothing of it reaches the HTTP API.
 */
public final class AdministrationException extends RuntimeException {

    /** Why an administration command did not happen. */
    public enum Reason {
        /** A value is invalid whatever the database holds (a blank name, an expiry in the past). */
        INVALID_INPUT,
        /** A team, member or key does not exist, or does not belong to the team named. */
        NOT_FOUND,
        /** The database cannot be reached. */
        UNAVAILABLE,
        /** The database failed the statement. */
        FAILED
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public AdministrationException(Reason reason, String message) {
        this(reason, message, null);
    }

    public AdministrationException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** An {@link Reason#INVALID_INPUT} refusal. */
    public static AdministrationException invalid(String message) {
        return new AdministrationException(Reason.INVALID_INPUT, message);
    }

    public Reason reason() {
        return reason;
    }
}
