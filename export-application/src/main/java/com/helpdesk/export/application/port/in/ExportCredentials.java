package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.ApiKey;
import java.util.Objects;
import java.util.Optional;

/**
 * Who asks for an export, as the caller presented itself, still unchecked. The key is a secret: {@link #toString()}
 * shows it only as {@link ApiKey#redact} does.
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

    @Override
    public String toString() {
        return "ExportCredentials[presentedKey="
                + presentedKey.map(ApiKey::redact).orElse("none") + ", teamId=" + teamId + ", clientAddress="
                + clientAddress + "]";
    }
}
