package com.helpdesk.export.cli;

import com.helpdesk.export.application.port.in.AddMemberCommand;
import com.helpdesk.export.application.port.in.CreateKeyCommand;
import com.helpdesk.export.application.port.in.CreateTeamCommand;
import com.helpdesk.export.application.port.in.CreatedKey;
import com.helpdesk.export.application.port.in.KeyAdministrationUseCase;
import com.helpdesk.export.application.port.in.KeyListing;
import com.helpdesk.export.application.port.in.RevokeKeyCommand;
import com.helpdesk.export.domain.error.AdministrationException;
import com.helpdesk.export.domain.model.EmailAddress;
import com.helpdesk.export.domain.model.KeyDescription;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyRevocation;
import com.helpdesk.export.domain.model.MemberName;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Permission;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.model.TeamName;
import java.io.PrintStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin command line over the {@link KeyAdministrationUseCase}: {@code create-team}, {@code add-member},
 * {@code create-key}, {@code list-keys}, {@code revoke-key} and {@code help} (see {@link #USAGE}). Exit status {@value #OK} when done,
 * {@value #FAILED} when the command could not be carried out (no such team, member of another team, database
 * unreachable), {@value #USAGE_ERROR} when the command line or one of its values is wrong. Results go to
 * {@code out}, errors to {@code err}; {@code create-key} prints the new key once, and nothing prints a key hash.
 */
public final class AdminCommands {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE_ERROR = 2;

    /** How the commands are run from the distribution. */
    static final String PROGRAM = "java -jar quarkus-run.jar admin";

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Something that looks like an API key: never echoed back. */
    private static final Pattern KEY_LIKE = Pattern.compile("(?i)\\s*[sp]k_.*");

    private static final int SHOWN_VALUE_LENGTH = 60;

    private enum Command {
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

        Command(String word, String synopsis, List<String> required, List<String> optional, String description) {
            this.word = word;
            this.synopsis = synopsis;
            this.required = required;
            this.optional = optional;
            this.description = description;
        }

        String usage() {
            return PROGRAM + " " + word + " " + synopsis;
        }

        static Optional<Command> of(String word) {
            return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
        }
    }

    /** The text {@code help} prints. */
    public static final String USAGE = usage();

    private AdminCommands() {}

    private static String usage() {
        StringBuilder text = new StringBuilder()
                .append("Administration of teams, members and API keys, on the service's database.\n\n")
                .append("Usage: ")
                .append(PROGRAM)
                .append(" <command> [options]\n\n")
                .append("Commands:\n");
        for (Command command : Command.values()) {
            text.append("  ")
                    .append(command.word)
                    .append(' ')
                    .append(command.synopsis)
                    .append('\n')
                    .append(indent(command.description))
                    .append('\n');
        }
        return text.append("  help [COMMAND]\n")
                .append("      Prints this text, or one command's.\n\n")
                .append("An option's value is the next argument, or follows '=' (--name=Acme).\n")
                .append("Database: the service's own. QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and _PASSWORD\n")
                .append("(or -Dquarkus.datasource.jdbc.url, ...) when set; else the embedded PostgreSQL in\n")
                .append("EXPORT_EMBEDDED_DATA_DIR (.data/postgres) on EXPORT_EMBEDDED_PORT (54329), used in place\n")
                .append("when the service runs it, started for the command otherwise.\n")
                .append("Exit status: 0 done; 1 failed (no such team, member of another team, database\n")
                .append("unreachable); 2 wrong command line or value.\n")
                .toString();
    }

    private static String indent(String description) {
        return Arrays.stream(description.split("\n"))
                .map(line -> "      " + line)
                .collect(Collectors.joining("\n"));
    }

    /** Runs one command with {@code administration}; answers the exit status. */
    public static int run(String[] args, KeyAdministrationUseCase administration, PrintStream out, PrintStream err) {
        Objects.requireNonNull(administration, "administration");
        return run(args, () -> administration, out, err);
    }

    /**
     * Runs one command; {@code administration} is asked for the use case (which opens the database) only once the
     * command line is valid, so that {@code help} and mistakes need no database. A {@link RuntimeException} it throws
     * is a failure to open the database.
     */
    public static int run(
            String[] args, Supplier<KeyAdministrationUseCase> administration, PrintStream out, PrintStream err) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(administration, "administration");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        try {
            return dispatch(List.of(args), administration, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(
            List<String> args, Supplier<KeyAdministrationUseCase> administration, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("error: no command given.");
            err.println();
            err.print(USAGE);
            return USAGE_ERROR;
        }
        String word = args.get(0);
        if (word.equals("help") || word.equals("--help") || word.equals("-h")) {
            return help(args.subList(1, args.size()), out, err);
        }
        Optional<Command> found = Command.of(word);
        if (found.isEmpty()) {
            err.println("error: unknown command " + shown(word) + ".");
            err.println("Commands: "
                    + Arrays.stream(Command.values()).map(c -> c.word).collect(Collectors.joining(", "))
                    + ", help. Run '" + PROGRAM + " help' for their options.");
            return USAGE_ERROR;
        }
        Command command = found.get();
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println("usage: " + command.usage());
            out.println(indent(command.description));
            return OK;
        }
        Parsed parsed;
        try {
            parsed = new Parsed(command, options(command, rest));
            parsed.check();
        } catch (UsageException e) {
            return usageError(command, e.getMessage(), err);
        } catch (RuntimeException e) {
            return failed(command, e, err);
        }
        KeyAdministrationUseCase useCase;
        try {
            useCase = Objects.requireNonNull(administration.get(), "administration");
        } catch (RuntimeException e) {
            err.println("error: cannot open the database: " + describe(e));
            return FAILED;
        }
        try {
            execute(parsed, useCase, out);
            return OK;
        } catch (UsageException e) {
            return usageError(command, e.getMessage(), err);
        } catch (RuntimeException e) {
            return failed(command, e, err);
        }
    }

    /**
     * The one translation of a refusal or failure into a message and an exit status: a value that can never be right
     * is a usage error ({@value #USAGE_ERROR}, with the command's usage), anything else a failure ({@value #FAILED}).
     * Messages of the use case name ids and display prefixes only, never a key or a hash.
     */
    private static int failed(Command command, RuntimeException e, PrintStream err) {
        if (e instanceof AdministrationException refusal) {
            if (refusal.reason() == AdministrationException.Reason.INVALID_INPUT) {
                return usageError(command, refusal.getMessage(), err);
            }
            err.println("error: " + refusal.getMessage());
            return FAILED;
        }
        err.println("error: " + command.word + " failed: " + describe(e));
        return FAILED;
    }

    private static int help(List<String> topic, PrintStream out, PrintStream err) {
        if (topic.isEmpty()) {
            out.print(USAGE);
            return OK;
        }
        Optional<Command> command = topic.size() == 1 ? Command.of(topic.get(0)) : Optional.empty();
        if (command.isEmpty()) {
            err.println("error: help takes at most one command name: "
                    + Arrays.stream(Command.values()).map(c -> c.word).collect(Collectors.joining(", ")) + ".");
            return USAGE_ERROR;
        }
        out.println("usage: " + command.get().usage());
        out.println(indent(command.get().description));
        return OK;
    }

    private static int usageError(Command command, String message, PrintStream err) {
        err.println("error: " + message);
        err.println("usage: " + command.usage());
        return USAGE_ERROR;
    }

    // ---- the commands

    private static void execute(Parsed parsed, KeyAdministrationUseCase administration, PrintStream out)
            throws UsageException {
        switch (parsed.command) {
            case CREATE_TEAM -> {
                TeamName name = parsed.teamName();
                TeamId team = administration.createTeam(new CreateTeamCommand(name));
                out.println("Team created: " + name.value());
                out.println("  team id:   " + team);
            }
            case ADD_MEMBER -> {
                TeamId team = parsed.team();
                Role role = parsed.role();
                MemberName name = parsed.memberName();
                Optional<EmailAddress> email = parsed.email();
                UUID member = administration.addMember(new AddMemberCommand(team, name, email, role));
                out.println("Member added to team " + team + ": " + name.value()
                        + email.map(e -> " <" + e.value() + ">").orElse("") + ", " + role.wireName());
                out.println("  member id: " + member);
            }
            case CREATE_KEY ->
                printCreatedKey(
                        administration.createKey(new CreateKeyCommand(
                                parsed.team(), parsed.uuid("member"), parsed.kind(), parsed.mode(), parsed.expires())),
                        out);
            case LIST_KEYS -> printKeys(administration.listKeys(parsed.team()), out);
            case REVOKE_KEY -> {
                KeyRevocation revocation =
                        administration.revokeKey(new RevokeKeyCommand(parsed.team(), parsed.uuid("key")));
                if (revocation.alreadyRevoked()) {
                    out.println("Key " + revocation.keyId() + " (" + revocation.displayPrefix()
                            + ") was already revoked at " + shown(revocation.revokedAt()) + "; nothing changed.");
                } else {
                    out.println("Key " + revocation.keyId() + " (" + revocation.displayPrefix() + ") revoked at "
                            + shown(revocation.revokedAt()) + ": it is refused from now on.");
                }
            }
        }
    }

    private static void printCreatedKey(CreatedKey key, PrintStream out) {
        out.println("Key created for member " + key.memberId() + " ("
                + key.role().wireName() + ") of team "
                + key.team() + ": " + key.kind().wireName() + ", " + key.mode().wireName() + ", "
                + key.expiresAt().map(instant -> "expires " + instant).orElse("does not expire"));
        out.println("  key id:    " + key.keyId());
        out.println("  prefix:    " + key.displayPrefix());
        out.println();
        out.println("  " + key.key().reveal());
        out.println();
        out.println("Copy the key now: it is shown only this once. Only its hash is stored; it cannot be shown again.");
        if (key.kind() == KeyKind.PUBLISHABLE) {
            out.println("Note: a publishable key is refused by the export endpoint (secret key required).");
        }
        if (!key.role().holds(Permission.EXPORT_DATA)) {
            out.println("Note: the role " + key.role().wireName() + " has no export_data permission: the export "
                    + "refuses this key.");
        }
    }

    private static void printKeys(KeyListing listing, PrintStream out) {
        TeamId team = listing.team();
        List<KeyListing.Entry> keys = listing.keys();
        if (keys.isEmpty()) {
            out.println("Team " + team + ": no keys.");
            return;
        }
        out.println("Team " + team + ": " + keys.size() + (keys.size() == 1 ? " key" : " keys")
                + " (display prefixes only; the keys themselves are not stored)");
        String format = "%-36s  %-12s  %-11s  %-4s  %-7s  %-9s  %-20s  %-20s  %-20s  %s%n";
        out.printf(
                format, "KEY ID", "PREFIX", "KIND", "MODE", "STATUS", "ROLE", "CREATED", "EXPIRES", "REVOKED",
                "MEMBER");
        for (KeyListing.Entry entry : keys) {
            KeyDescription key = entry.key();
            out.printf(
                    format,
                    key.keyId(),
                    key.displayPrefix(),
                    key.kind().wireName(),
                    key.mode().wireName(),
                    entry.status().wireName(),
                    key.role().wireName(),
                    shown(key.createdAt()),
                    key.expiresAt().map(AdminCommands::shown).orElse("never"),
                    key.revokedAt().map(AdminCommands::shown).orElse("-"),
                    key.memberId() + " " + key.memberName());
        }
    }

    /** An instant to the second, e.g. 2027-01-01T00:00:00Z. */
    private static String shown(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A value the user typed, quoted and cut short; one that looks like an API key is not repeated. */
    private static String shown(String value) {
        if (KEY_LIKE.matcher(value).matches()) {
            return "(a value that looks like an API key, not repeated here)";
        }
        String cut = value.length() > SHOWN_VALUE_LENGTH ? value.substring(0, SHOWN_VALUE_LENGTH) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    private static String describe(Throwable e) {
        StringBuilder text =
                new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
            text.append(" (").append(cause.getMessage()).append(')');
        }
        return text.toString();
    }

    // ---- the command line

    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code --name value} and {@code --name=value}; each option at most once; no other argument. */
    private static Map<String, String> options(Command command, List<String> args) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException(
                        "unexpected argument " + shown(arg) + " (options are written --name VALUE or --name=VALUE).");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!command.required.contains(name) && !command.optional.contains(name)) {
                throw new UsageException("unknown option " + shown("--" + name) + " for " + command.word + ".");
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException("--" + name + " needs a value.");
            }
            if (options.putIfAbsent(name, value) != null) {
                throw new UsageException("--" + name + " is given more than once.");
            }
        }
        List<String> missing = command.required.stream()
                .filter(name -> !options.containsKey(name))
                .map(name -> "--" + name)
                .toList();
        if (!missing.isEmpty()) {
            throw new UsageException(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing.");
        }
        return options;
    }

    /** The options of one command, turned into values; every value is checked by {@link #check()}. */
    private static final class Parsed {

        final Command command;
        final Map<String, String> options;

        Parsed(Command command, Map<String, String> options) {
            this.command = command;
            this.options = options;
        }

        /** Turns every option into its value once, so that a wrong value never reaches the database. */
        void check() throws UsageException {
            for (String name : options.keySet()) {
                switch (name) {
                    case "team", "member", "key" -> uuid(name);
                    case "role" -> role();
                    case "kind" -> kind();
                    case "mode" -> mode();
                    case "expires" -> expires();
                    case "email" -> email();
                    case "name" -> {
                        if (command == Command.CREATE_TEAM) {
                            teamName();
                        } else {
                            memberName();
                        }
                    }
                    default -> throw new IllegalStateException("an option without a value type: " + name);
                }
            }
        }

        /** @throws AdministrationException INVALID_INPUT: the domain's rule and message for team names */
        TeamName teamName() {
            return new TeamName(options.get("name"));
        }

        MemberName memberName() {
            return new MemberName(options.get("name"));
        }

        Optional<EmailAddress> email() {
            return Optional.ofNullable(options.get("email")).map(EmailAddress::new);
        }

        TeamId team() throws UsageException {
            return new TeamId(uuid("team"));
        }

        UUID uuid(String name) throws UsageException {
            String value = options.get(name);
            if (KEY_LIKE.matcher(value).matches()) {
                throw new UsageException("--" + name + " takes an id (a UUID"
                        + (name.equals("key")
                                ? ", as list-keys shows it), not the key itself."
                                : "), not an API key."));
            }
            if (!UUID_TEXT.matcher(value).matches()) {
                throw new UsageException("--" + name
                        + " must be a UUID, e.g. 1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10; got " + shown(value) + ".");
            }
            return UUID.fromString(value);
        }

        Role role() throws UsageException {
            String value = options.get("role");
            return Role.fromWireName(value.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new UsageException("--role must be one of "
                            + Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining(", "))
                            + "; got " + shown(value) + "."));
        }

        KeyKind kind() throws UsageException {
            String value = options.get("kind");
            return KeyKind.fromWireName(value.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new UsageException("--kind must be "
                            + Arrays.stream(KeyKind.values())
                                    .map(KeyKind::wireName)
                                    .collect(Collectors.joining(" or ")) + "; got " + shown(value) + "."));
        }

        Mode mode() throws UsageException {
            String value = options.get("mode");
            return Mode.fromWireName(value.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new UsageException("--mode must be "
                            + Arrays.stream(Mode.values()).map(Mode::wireName).collect(Collectors.joining(" or "))
                            + "; got " + shown(value) + "."));
        }

        Optional<Instant> expires() throws UsageException {
            String value = options.get("expires");
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant());
            } catch (DateTimeParseException e) {
                throw new UsageException("--expires must be an ISO-8601 instant with an offset, e.g. "
                        + "2027-01-01T00:00:00Z; got " + shown(value) + ".");
            }
        }
    }
}
