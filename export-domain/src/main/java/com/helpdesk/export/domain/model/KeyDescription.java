package com.helpdesk.export.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored key as a list shows it: by its display prefix (e.g. {@code sk_live_AbCd}); neither the key nor its
 * hash is part of it.
 */
public record KeyDescription(
        UUID keyId,
        String displayPrefix,
        KeyKind kind,
        Mode mode,
        UUID memberId,
        String memberName,
        Role role,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt) {

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
        if (displayPrefix.length() != ApiKey.DISPLAY_PREFIX_LENGTH) {
            throw new IllegalArgumentException("a display prefix has " + ApiKey.DISPLAY_PREFIX_LENGTH + " characters");
        }
    }

    /** As the key verifier judges it at {@code now} ({@link KeyStatus#at}). */
    public KeyStatus statusAt(Instant now) {
        return KeyStatus.at(now, expiresAt, revokedAt);
    }
}
