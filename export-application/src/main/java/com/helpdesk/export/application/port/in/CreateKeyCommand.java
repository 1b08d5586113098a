package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.TeamId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Create a key of that kind and mode for a member of the team.
 *
 * @param expiresAt the instant from which the key is refused as expired, which must lie in the future when the key
 *                  is created; empty for a key that does not expire
 */
public record CreateKeyCommand(TeamId team, UUID memberId, KeyKind kind, Mode mode, Optional<Instant> expiresAt) {
    public CreateKeyCommand {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
