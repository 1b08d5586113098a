package com.helpdesk.export.cli;

import com.helpdesk.export.application.port.in.AddMemberCommand;
import com.helpdesk.export.application.port.in.CreateKeyCommand;
import com.helpdesk.export.application.port.in.CreateTeamCommand;
import com.helpdesk.export.application.port.in.KeyAdministrationUseCase;
import com.helpdesk.export.application.port.in.RevokeKeyCommand;
import com.helpdesk.export.domain.model.EmailAddress;
import com.helpdesk.export.domain.model.MemberName;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.model.TeamName;
import java.io.PrintStream;
import java.util.Optional;
import java.util.UUID;

/** Carries out one checked command: the use case's call with the options' values, then its answer printed. */
final class CommandExecution {

    private CommandExecution() {}

    static void execute(CommandOptions options, KeyAdministrationUseCase administration, PrintStream out)
            throws UsageException {
        switch (options.command) {
            case CREATE_TEAM -> {
                TeamName name = options.teamName();
                TeamId team = administration.createTeam(new CreateTeamCommand(name));
                AdminOutput.teamCreated(name, team, out);
            }
            case ADD_MEMBER -> {
                TeamId team = options.team();
                Role role = options.role();
                MemberName name = options.memberName();
                Optional<EmailAddress> email = options.email();
                UUID member = administration.addMember(new AddMemberCommand(team, name, email, role));
                AdminOutput.memberAdded(team, name, email, role, member, out);
            }
            case CREATE_KEY ->
                AdminOutput.keyCreated(
                        administration.createKey(new CreateKeyCommand(
                                options.team(),
                                options.uuid("member"),
                                options.kind(),
                                options.mode(),
                                options.expires())),
                        out);
            case LIST_KEYS -> AdminOutput.keys(administration.listKeys(options.team()), out);
            case REVOKE_KEY ->
                AdminOutput.revoked(
                        administration.revokeKey(new RevokeKeyCommand(options.team(), options.uuid("key"))), out);
        }
    }
}
