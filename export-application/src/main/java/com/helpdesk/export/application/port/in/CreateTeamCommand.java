package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.TeamName;
import java.util.Objects;

/** Create a team of that name. */
public record CreateTeamCommand(TeamName name) {
    public CreateTeamCommand {
        Objects.requireNonNull(name, "name");
    }
}
