package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.ExportRequest;

import java.util.Objects;
import java.util.Optional;

/**
 * An export as a caller asked for it, still unchecked.
 *
 * @param presentedKey the bearer key, empty when the caller sent none (or not as {@code Bearer <key>})
 * @param teamId       the team named in the call, as given
 * @param request      reads and validates the request body; called only once the caller is authorised, so that
 *                     a stranger learns nothing from body errors
 * @param requestId    the id of this call, echoed in the export
 */
public record ExportCommand(Optional<String> presentedKey, String teamId, RequestSource request, String requestId) {
    public ExportCommand {
        Objects.requireNonNull(presentedKey, "presentedKey");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** Supplies the validated request, or throws the {@code ExportException} that says what is wrong with it. */
    @FunctionalInterface
    public interface RequestSource {
        ExportRequest read();
    }
}
