package com.helpdesk.export.domain.policy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.util.Objects;

/** A policy's answer: allowed (with what it allows), or rejected with a reason the caller is told. */
public sealed interface Decision<T> {

    record Allowed<T>(T value) implements Decision<T> {
        public Allowed {
            Objects.requireNonNull(value, "value");
        }
    }

    record Rejected<T>(ErrorCode code, String reason, String param) implements Decision<T> {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Decision<T> allowed(T value) {
        return new Allowed<>(value);
    }

    static <T> Decision<T> rejected(ErrorCode code, String reason, String param) {
        return new Rejected<>(code, reason, param);
    }

    /** The allowed value, or the rejection as the exception the caller is answered with. */
    default T orThrow() {
        if (this instanceof Allowed<T> allowed) {
            return allowed.value();
        }
        Rejected<T> rejected = (Rejected<T>) this;
        throw new ExportException(rejected.code(), rejected.reason(), rejected.param());
    }
}
