package com.helpdesk.export.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks for an export, as the caller presented itself, still unchecked.
 *
 * @param presentedKey  the bearer key, empty when the caller sent none (or not as {@code Bearer <key>})
 * @param teamId        the team named in the call, as given
 * @param clientAddress where the call came from, for throttling failed authentications
 */
public record ExportCredentials(Optional<String> presentedKey, String teamId, String clientAddress) {
    public ExportCredentials {
        Objects.requireNonNull(presentedKey, "presentedKey");
        Objects.requireNonNull(clientAddress, "clientAddress");
    }
}
