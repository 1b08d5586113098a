package com.helpdesk.export.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire names of the error codes and types: clients match on them. */
class ErrorCodeTest {

    @ParameterizedTest
    @CsvSource({
        "AUTHENTICATION_REQUIRED, authentication_required, authentication_error",
        "INVALID_KEY_FORMAT, invalid_key_format, authentication_error",
        "INVALID_API_KEY, invalid_api_key, authentication_error",
        "KEY_EXPIRED, key_expired, authentication_error",
        "INSUFFICIENT_PERMISSIONS, insufficient_permissions, authorization_error",
        "TEAM_ACCESS_DENIED, team_access_denied, authorization_error",
        "RATE_LIMIT_EXCEEDED, rate_limit_exceeded, rate_limit_error",
        "CONCURRENCY_LIMIT_EXCEEDED, concurrency_limit_exceeded, rate_limit_error",
        "INVALID_JSON, invalid_json, invalid_request_error",
        "PAYLOAD_TOO_LARGE, payload_too_large, invalid_request_error",
        "UNSUPPORTED_MEDIA_TYPE, unsupported_media_type, invalid_request_error",
        "PARAMETER_MISSING, parameter_missing, invalid_request_error",
        "PARAMETER_INVALID, parameter_invalid, invalid_request_error",
        "PARAMETER_UNKNOWN, parameter_unknown, invalid_request_error",
        "RESOURCE_MISSING, resource_missing, invalid_request_error",
        "METHOD_NOT_ALLOWED, method_not_allowed, invalid_request_error",
        "CURSOR_EXPIRED, cursor_expired, invalid_request_error",
        "INTERNAL_ERROR, internal_error, api_error",
        "SERVICE_UNAVAILABLE, service_unavailable, api_error"
    })
    void hasTheContractsWireNameAndType(ErrorCode code, String wireName, String type) {
        assertThat(code.wireName()).isEqualTo(wireName);
        assertThat(code.category().wireName()).isEqualTo(type);
    }

    /** Every error code the API answers with, written out here by hand, not taken from the enum. */
    private static final List<String> CONTRACT_CODES = List.of(
            "authentication_required",
            "invalid_key_format",
            "invalid_api_key",
            "key_expired",
            "insufficient_permissions",
            "team_access_denied",
            "rate_limit_exceeded",
            "concurrency_limit_exceeded",
            "invalid_json",
            "payload_too_large",
            "unsupported_media_type",
            "parameter_missing",
            "parameter_invalid",
            "parameter_unknown",
            "resource_missing",
            "method_not_allowed",
            "cursor_expired",
            "internal_error",
            "service_unavailable");

    /** The error types of the API's error envelope. */
    private static final List<String> CONTRACT_TYPES = List.of(
            "invalid_request_error", "authentication_error", "authorization_error", "rate_limit_error", "api_error");

    @Test
    void hasExactlyTheContractsCodesAndTypes() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName))
                .as("a code the contract lacks, or a contract code missing")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(CONTRACT_CODES);
        assertThat(Arrays.stream(ErrorCategory.values()).map(ErrorCategory::wireName))
                .containsExactlyInAnyOrderElementsOf(CONTRACT_TYPES);
    }

    @Test
    void exceptionFactoriesSetCodeAndParam() {
        ExportException missing = ExportException.missing("resources");
        assertThat(missing.code()).isEqualTo(ErrorCode.PARAMETER_MISSING);
        assertThat(missing.param()).isEqualTo("resources");
        assertThat(missing.getMessage()).contains("resources");
        ExportException invalid = ExportException.invalid("format", "bad format");
        assertThat(invalid.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
        assertThat(invalid.param()).isEqualTo("format");
        assertThat(invalid.getMessage()).isEqualTo("bad format");
        ExportException unknown = ExportException.unknown("resources[0].colour");
        assertThat(unknown.code()).isEqualTo(ErrorCode.PARAMETER_UNKNOWN);
        assertThat(unknown.param()).isEqualTo("resources[0].colour");
        assertThat(new ExportException(ErrorCode.KEY_EXPIRED, "expired").param())
                .isNull();
    }

    @Test
    void keepsNoStackTraceUnlessItHasACause() {
        assertThat(new ExportException(ErrorCode.INTERNAL_ERROR, "x").getStackTrace())
                .isEmpty();
        RuntimeException cause = new RuntimeException("db");
        ExportException withCause = new ExportException(ErrorCode.SERVICE_UNAVAILABLE, "down", null, cause);
        assertThat(withCause.getCause()).isSameAs(cause);
        assertThat(withCause.getStackTrace()).isNotEmpty();
        assertThatThrownBy(() -> new ExportException(null, "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ExportException(ErrorCode.INTERNAL_ERROR, null))
                .isInstanceOf(NullPointerException.class);
    }
}
