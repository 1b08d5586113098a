package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.RateLimitStatus;
import java.util.Objects;
import java.util.Optional;

/** The answer of {@link AuthorizeExportUseCase#authorize}: the caller may export, or why not. */
public sealed interface Admission {

    /** The caller may export now; it holds an export slot until the export it goes on to is closed. */
    record Granted(ExportPass pass) implements Admission {
        public Granted {
            Objects.requireNonNull(pass, "pass");
        }
    }

    /**
     * The caller may not export: {@code reason} says why, with its code; {@code rateLimit} is where the key stands,
     * once the key is known, so that the refusal can show it too.
     */
    record Refused(ExportException reason, Optional<RateLimitStatus> rateLimit) implements Admission {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rateLimit, "rateLimit");
        }
    }
}
