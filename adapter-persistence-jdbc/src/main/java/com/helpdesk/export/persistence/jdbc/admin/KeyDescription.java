package com.helpdesk.export.persistence.jdbc.admin;

import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.Locale;

/**
 * A stored key as a list shows it: by its display prefix (e.g. {@code sk_live_AbCd}); neither the key nor its
 * hash is part of it.
 */
public record KeyDescription(UUID keyId, String displayPrefix, KeyKind kind, Mode mode, UUID memberId,
                             String memberName, Role role, Instant createdAt, Optional<Instant> expiresAt,
                             Optional<Instant> revokedAt) {

    /** Where a key stands at an instant. */
    public enum Status {
        ACTIVE, EXPIRED, REVOKED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KeyDescription {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(memberName, "memberName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** As the key verifier would judge it at {@code now}: revoked before expired, expired at its expiry instant. */
    public Status statusAt(Instant now) {
        if (revokedAt.isPresent()) {
            return Status.REVOKED;
        }
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            return Status.EXPIRED;
        }
        return Status.ACTIVE;
    }
}
