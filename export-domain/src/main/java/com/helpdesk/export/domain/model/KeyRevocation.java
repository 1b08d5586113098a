package com.helpdesk.export.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of revoking a key.
 *
 * @param revokedAt      when the key was revoked: now, or earlier when it already was
 * @param alreadyRevoked whether the key was revoked before this call (nothing was then changed)
 */
public record KeyRevocation(UUID keyId, String displayPrefix, Instant revokedAt, boolean alreadyRevoked) {

    public KeyRevocation {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }
}
