package com.helpdesk.export.domain.error;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A failure the caller is told about: a stable {@link ErrorCode}, a human message and, where exactly one
 * field is at fault, its path in the request ({@code resources[0].filters.status}).
 */
public class ExportException extends RuntimeException {

    private final ErrorCode code;
    private final String param;
    private final long retryAfterSeconds;

    public ExportException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ExportException(ErrorCode code, String message, String param) {
        this(code, message, param, null);
    }

    public ExportException(ErrorCode code, String message, String param, Throwable cause) {
        this(code, message, param, cause, -1);
    }

    private ExportException(ErrorCode code, String message, String param, Throwable cause, long retryAfterSeconds) {
        super(Objects.requireNonNull(message, "message"), cause, false, cause != null);
        this.code = Objects.requireNonNull(code, "code");
        this.param = param;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A refusal the caller may retry after {@code seconds} (a 429, or a 503 with a known wait). */
    public static ExportException retryLater(ErrorCode code, String message, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative");
        }
        return new ExportException(code, message, null, null, seconds);
    }

    public static ExportException missing(String param) {
        return new ExportException(ErrorCode.PARAMETER_MISSING, "Missing required parameter: " + param + ".", param);
    }

    public static ExportException invalid(String param, String message) {
        return new ExportException(ErrorCode.PARAMETER_INVALID, message, param);
    }

    public static ExportException unknown(String param) {
        return new ExportException(ErrorCode.PARAMETER_UNKNOWN, "Unknown parameter: " + param + ".", param);
    }

    public ErrorCode code() {
        return code;
    }

    /** The request path of the one field at fault, or {@code null}. */
    public String param() {
        return param;
    }

    /** Seconds after which a retry may succeed, where the refusal says so. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
