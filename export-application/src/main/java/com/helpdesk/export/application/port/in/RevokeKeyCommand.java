package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.TeamId;
import java.util.Objects;
import java.util.UUID;

/** Revoke the key of the team with that id (the id a key list shows, never the key itself). */
public record RevokeKeyCommand(TeamId team, UUID keyId) {
    public RevokeKeyCommand {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(keyId, "keyId");
    }
}
