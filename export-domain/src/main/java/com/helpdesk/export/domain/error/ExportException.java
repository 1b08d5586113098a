package com.helpdesk.export.domain.error;

import java.util.Objects;

/**
 * A failure the caller is told about: a stable {@link ErrorCode}, a human message and, where exactly one
 * field is at fault, its path in the request ({@code resources[0].filters.status}).
 */
public class ExportException extends RuntimeException {

    private final ErrorCode code;
    private final String param;

    public ExportException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ExportException(ErrorCode code, String message, String param) {
        this(code, message, param, null);
    }

    public ExportException(ErrorCode code, String message, String param, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause, false, cause != null);
        this.code = Objects.requireNonNull(code, "code");
        this.param = param;
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
}
