package com.helpdesk.export.persistence.jdbc.admin;

import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A key just created: the only place its plain text ever exists ({@link #plainKey()}); the database holds only its
 * hash and {@link #displayPrefix()}. {@link #toString()} shows the display prefix, never the key.
 *
 * @param role the role of the key's member, which decides what the key may do
 */
public record CreatedKey(UUID keyId, UUID teamId, UUID memberId, Role role, KeyKind kind, Mode mode,
                         String displayPrefix, Instant createdAt, Optional<Instant> expiresAt, String plainKey) {

    public CreatedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(plainKey, "plainKey");
    }

    @Override
    public String toString() {
        return "CreatedKey[keyId=" + keyId + ", teamId=" + teamId + ", memberId=" + memberId + ", role=" + role
                + ", kind=" + kind + ", mode=" + mode + ", displayPrefix=" + displayPrefix + ", createdAt="
                + createdAt + ", expiresAt=" + expiresAt.map(Instant::toString).orElse("never") + "]";
    }
}
