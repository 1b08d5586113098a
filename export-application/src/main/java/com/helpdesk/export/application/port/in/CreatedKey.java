package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A key just created: the only place its plain text ever exists ({@code key().reveal()}); the store holds only its
 * hash and display prefix. {@link #toString()} shows the display prefix, never the key (it is {@link ApiKey}'s).
 *
 * @param role the role of the key's member, which decides what the key may do
 */
public record CreatedKey(
        UUID keyId, TeamId team, UUID memberId, Role role, ApiKey key, Instant createdAt, Optional<Instant> expiresAt) {

    public CreatedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public KeyKind kind() {
        return key.kind();
    }

    public Mode mode() {
        return key.mode();
    }

    public String displayPrefix() {
        return key.displayPrefix();
    }
}
