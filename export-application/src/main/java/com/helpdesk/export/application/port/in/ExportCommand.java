package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.RateLimitStatus;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An export as a caller asked for it, still unchecked.
 *
 * @param presentedKey      the bearer key, empty when the caller sent none (or not as {@code Bearer <key>})
 * @param teamId            the team named in the call, as given
 * @param request           reads and validates the request body; called only once the caller is authorised and
 *                          within its rate limit, so that a stranger learns nothing from body errors
 * @param requestId         the id of this call, echoed in the export
 * @param clientAddress     where the call came from, for throttling failed authentications
 * @param rateLimitObserver told the key's rate-limit status as soon as it is known (so that every answer to an
 *                          authenticated call, error or not, can carry it)
 */
public record ExportCommand(Optional<String> presentedKey, String teamId, RequestSource request, String requestId,
                            String clientAddress, Consumer<RateLimitStatus> rateLimitObserver) {
    public ExportCommand {
        Objects.requireNonNull(presentedKey, "presentedKey");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(rateLimitObserver, "rateLimitObserver");
    }

    /** A command from a caller whose address is not known and who needs no rate-limit status. */
    public ExportCommand(Optional<String> presentedKey, String teamId, RequestSource request, String requestId) {
        this(presentedKey, teamId, request, requestId, "unknown", status -> { });
    }

    /** Supplies the validated request, or throws the {@code ExportException} that says what is wrong with it. */
    @FunctionalInterface
    public interface RequestSource {
        ExportRequest read();
    }
}
