package com.helpdesk.export.domain.error;

/** Every error code the export can answer with. The wire names are stable: clients match on them. */
public enum ErrorCode {
    AUTHENTICATION_REQUIRED(ErrorCategory.AUTHENTICATION, "authentication_required"),
    INVALID_KEY_FORMAT(ErrorCategory.AUTHENTICATION, "invalid_key_format"),
    INVALID_API_KEY(ErrorCategory.AUTHENTICATION, "invalid_api_key"),
    KEY_EXPIRED(ErrorCategory.AUTHENTICATION, "key_expired"),
    INSUFFICIENT_PERMISSIONS(ErrorCategory.AUTHORIZATION, "insufficient_permissions"),
    TEAM_ACCESS_DENIED(ErrorCategory.AUTHORIZATION, "team_access_denied"),
    RATE_LIMIT_EXCEEDED(ErrorCategory.RATE_LIMIT, "rate_limit_exceeded"),
    CONCURRENCY_LIMIT_EXCEEDED(ErrorCategory.RATE_LIMIT, "concurrency_limit_exceeded"),
    INVALID_JSON(ErrorCategory.INVALID_REQUEST, "invalid_json"),
    PAYLOAD_TOO_LARGE(ErrorCategory.INVALID_REQUEST, "payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(ErrorCategory.INVALID_REQUEST, "unsupported_media_type"),
    PARAMETER_MISSING(ErrorCategory.INVALID_REQUEST, "parameter_missing"),
    PARAMETER_INVALID(ErrorCategory.INVALID_REQUEST, "parameter_invalid"),
    PARAMETER_UNKNOWN(ErrorCategory.INVALID_REQUEST, "parameter_unknown"),
    RESOURCE_MISSING(ErrorCategory.INVALID_REQUEST, "resource_missing"),
    METHOD_NOT_ALLOWED(ErrorCategory.INVALID_REQUEST, "method_not_allowed"),
    CURSOR_EXPIRED(ErrorCategory.INVALID_REQUEST, "cursor_expired"),
    INTERNAL_ERROR(ErrorCategory.API, "internal_error"),
    SERVICE_UNAVAILABLE(ErrorCategory.API, "service_unavailable");

    private final ErrorCategory category;
    private final String wireName;

    ErrorCode(ErrorCategory category, String wireName) {
        this.category = category;
        this.wireName = wireName;
    }

    public ErrorCategory category() {
        return category;
    }

    public String wireName() {
        return wireName;
    }
}
