package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.port.KeyAdministrationPort;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A key to store: what {@link KeyAdministrationPort#storeKey} keeps, which is everything but the key itself. Its
 * {@link KeyHash} and display prefix are all that is known of the key from here on.
 */
public record NewKey(
        UUID keyId,
        TeamId team,
        UUID memberId,
        KeyKind kind,
        Mode mode,
        KeyHash hash,
        String displayPrefix,
        Instant createdAt,
        Optional<KeyExpiry> expiresAt) {

    public NewKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The stored form of {@code key}: its hash and display prefix, its kind and mode as the key says. */
    public static NewKey of(
            ApiKey key, UUID keyId, TeamId team, UUID memberId, Instant createdAt, Optional<KeyExpiry> expiresAt) {
        Objects.requireNonNull(key, "key");
        return new NewKey(
                keyId,
                team,
                memberId,
                key.kind(),
                key.mode(),
                KeyHash.of(key),
                key.displayPrefix(),
                createdAt,
                expiresAt);
    }
}
