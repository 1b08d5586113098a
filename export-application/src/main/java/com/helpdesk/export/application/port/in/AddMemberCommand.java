package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.EmailAddress;
import com.helpdesk.export.domain.model.MemberName;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import java.util.Objects;
import java.util.Optional;

/** Add a member with that name, optional email and role to the team. */
public record AddMemberCommand(TeamId team, MemberName name, Optional<EmailAddress> email, Role role) {
    public AddMemberCommand {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
    }
}
