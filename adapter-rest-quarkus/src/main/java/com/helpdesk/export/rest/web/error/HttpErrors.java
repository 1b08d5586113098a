package com.helpdesk.export.rest.web.error;

import com.helpdesk.export.domain.error.ErrorCode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one table of this adapter between the domain's error codes and HTTP: the status of each code, the code of a
 * status the HTTP layer raised itself (a route that does not exist, a body over the server's limit), and the message
 * of such a failure when nothing more precise is known. The JAX-RS mappers, the router-level handlers and the error
 * envelope all read it.
 */
public final class HttpErrors {

    private record Entry(int status, String defaultMessage) {}

    private static final Map<ErrorCode, Entry> TABLE = new EnumMap<>(ErrorCode.class);

    static {
        put(ErrorCode.AUTHENTICATION_REQUIRED, 401, "Authentication required.");
        put(ErrorCode.INVALID_KEY_FORMAT, 401, "The API key is not well-formed.");
        put(ErrorCode.INVALID_API_KEY, 401, "Invalid API key.");
        put(ErrorCode.KEY_EXPIRED, 401, "The API key has expired.");
        put(ErrorCode.INSUFFICIENT_PERMISSIONS, 403, "Insufficient permissions.");
        put(ErrorCode.TEAM_ACCESS_DENIED, 403, "No access to this team.");
        put(ErrorCode.RATE_LIMIT_EXCEEDED, 429, "Rate limit exceeded.");
        put(ErrorCode.CONCURRENCY_LIMIT_EXCEEDED, 429, "Too many exports in progress.");
        put(ErrorCode.INVALID_JSON, 400, "The request could not be read.");
        put(ErrorCode.PAYLOAD_TOO_LARGE, 413, "The request body is too large.");
        put(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 415, "Content-Type must be application/json.");
        put(ErrorCode.PARAMETER_MISSING, 400, "A required parameter is missing.");
        put(ErrorCode.PARAMETER_INVALID, 400, "The request is not valid.");
        put(ErrorCode.PARAMETER_UNKNOWN, 400, "The request holds an unknown parameter.");
        put(ErrorCode.RESOURCE_MISSING, 404, "No such route.");
        put(ErrorCode.METHOD_NOT_ALLOWED, 405, "Method not allowed.");
        put(ErrorCode.CURSOR_EXPIRED, 410, "The cursor has expired; start again from null.");
        put(ErrorCode.INTERNAL_ERROR, 500, "An internal error occurred.");
        put(ErrorCode.SERVICE_UNAVAILABLE, 503, "The service is unavailable; retry later.");
        for (ErrorCode code : ErrorCode.values()) {
            if (!TABLE.containsKey(code)) {
                throw new ExceptionInInitializerError("no HTTP status for " + code);
            }
        }
    }

    private HttpErrors() {}

    private static void put(ErrorCode code, int status, String defaultMessage) {
        TABLE.put(code, new Entry(status, defaultMessage));
    }

    /** The HTTP status of a code. */
    public static int status(ErrorCode code) {
        return TABLE.get(code).status();
    }

    /** What to say for a code when the failure told nothing more precise. */
    static String defaultMessage(ErrorCode code) {
        return TABLE.get(code).defaultMessage();
    }

    /**
     * The code of an error status that the HTTP layer raised before the service's code could name one (a route that
     * does not exist, a body over the server's limit): the table's one code of that status; for a client error the
     * table has several codes or none for ({@code 400}, {@code 406}...), {@code INVALID_JSON}, the request could not
     * be read; for anything else {@code INTERNAL_ERROR}.
     */
    static ErrorCode forStatus(int status) {
        ErrorCode only = null;
        int found = 0;
        for (Map.Entry<ErrorCode, Entry> entry : TABLE.entrySet()) {
            if (entry.getValue().status() == status) {
                only = entry.getKey();
                found++;
            }
        }
        if (found == 1) {
            return only;
        }
        return status >= 400 && status < 500 ? ErrorCode.INVALID_JSON : ErrorCode.INTERNAL_ERROR;
    }

    /** The message of an internal error: nothing of it, but the request id to quote. */
    static String internalMessage(String requestId) {
        return "An internal error occurred. Quote request id " + requestId + " when you report it.";
    }
}
