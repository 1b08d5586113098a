package com.helpdesk.export.domain.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a stored key stands at an instant, the one rule the key verifier and the key list share: a revoked key is
 * {@link #REVOKED} even when it has expired too; a key is {@link #EXPIRED} from its expiry instant on (at it, not
 * after it); else it is {@link #ACTIVE}.
 */
public enum KeyStatus {
    ACTIVE,
    EXPIRED,
    REVOKED;

    /** {@code active}, {@code expired} or {@code revoked}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param expiresAt empty for a key that does not expire
     * @param revokedAt empty for a key that is not revoked
     */
    public static KeyStatus at(Instant now, Optional<Instant> expiresAt, Optional<Instant> revokedAt) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (revokedAt.isPresent()) {
            return REVOKED;
        }
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            return EXPIRED;
        }
        return ACTIVE;
    }
}
