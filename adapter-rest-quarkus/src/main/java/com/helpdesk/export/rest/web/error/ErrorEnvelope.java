package com.helpdesk.export.rest.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The shape of every error answer: {@code {success:false, error:{…}, meta:{timestamp}}}. */
@RegisterForReflection
public record ErrorEnvelope(boolean success, Error error, Meta meta) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(
            String type,
            String code,
            String message,
            String param,
            @JsonProperty("doc_url") String docUrl,
            @JsonProperty("request_id") String requestId,
            Long retryAfter) {}

    @RegisterForReflection
    public record Meta(String timestamp) {}
}
