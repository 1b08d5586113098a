package com.helpdesk.export.domain.error;

/** The error types of the API's error envelope; each adapter maps a category to its own protocol. */
public enum ErrorCategory {
    INVALID_REQUEST("invalid_request_error"),
    AUTHENTICATION("authentication_error"),
    AUTHORIZATION("authorization_error"),
    RATE_LIMIT("rate_limit_error"),
    API("api_error");

    private final String wireName;

    ErrorCategory(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
