package com.helpdesk.export.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The table of admin commands: each one's word, synopsis, options and description, in the order help lists them. */
enum AdminCommand {
    CREATE_TEAM("create-team", "--name NAME", List.of("name"), List.of(), "Creates a team; prints its id."),
    ADD_MEMBER(
            "add-member",
            "--team TEAM_ID --name NAME [--email EMAIL] --role ROLE",
            List.of("team", "name", "role"),
            List.of("email"),
            "Adds a member to a team; prints the member's id. ROLE is owner, admin, manager, librarian,\n"
                    + "agent or spectator (owner, admin and manager may export)."),
    CREATE_KEY(
            "create-key",
            "--team TEAM_ID --member MEMBER_ID --kind secret|publishable --mode live|test [--expires INSTANT]",
            List.of("team", "member", "kind", "mode"),
            List.of("expires"),
            "Creates an API key for a member of the team and prints it once: only its hash is stored,\n"
                    + "it cannot be shown again. INSTANT is ISO-8601 with an offset, e.g. 2027-01-01T00:00:00Z;\n"
                    + "without --expires the key does not expire."),
    LIST_KEYS(
            "list-keys",
            "--team TEAM_ID",
            List.of("team"),
            List.of(),
            "Lists the team's keys by display prefix (e.g. sk_live_AbCd), with kind, mode, status,\n"
                    + "role and member. The keys themselves are not stored and cannot be listed."),
    REVOKE_KEY(
            "revoke-key",
            "--team TEAM_ID --key KEY_ID",
            List.of("team", "key"),
            List.of(),
            "Revokes a key of the team at once (KEY_ID as list-keys shows it). Revoking it again\n"
                    + "changes nothing.");

    final String word;
    final String synopsis;
    /** In the synopsis' order, so that messages come out the same on every run. */
    final List<String> required;

    final List<String> optional;
    final String description;

    AdminCommand(String word, String synopsis, List<String> required, List<String> optional, String description) {
        this.word = word;
        this.synopsis = synopsis;
        this.required = required;
        this.optional = optional;
        this.description = description;
    }

    /** Whether {@code name} (without its dashes) is one of this command's options. */
    boolean takes(String name) {
        return required.contains(name) || optional.contains(name);
    }

    static Optional<AdminCommand> of(String word) {
        return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
    }

    /** The commands' words, in the table's order, separated by commas: {@code create-team, add-member, ...}. */
    static String words() {
        return Arrays.stream(values()).map(c -> c.word).collect(Collectors.joining(", "));
    }
}
