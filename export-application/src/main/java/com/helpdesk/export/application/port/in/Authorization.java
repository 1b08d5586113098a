package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.RateLimitStatus;
import java.util.Objects;
import java.util.Optional;

/** The answer of {@link AuthorizeExportUseCase#authorize}: the caller may export, or why not. */
public sealed interface Authorization {

    /** The caller may export now; it holds an export slot until the export it goes on to is closed. */
    record Granted(AuthorizedExport export) implements Authorization {
        public Granted {
            Objects.requireNonNull(export, "export");
        }
    }

    /**
     * The caller may not export: {@code reason} says why, with its code; {@code rateLimit} is where the key stands,
     * once the key is known, so that the refusal can show it too.
     */
    record Refused(ExportException reason, Optional<RateLimitStatus> rateLimit) implements Authorization {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rateLimit, "rateLimit");
        }
    }
}
