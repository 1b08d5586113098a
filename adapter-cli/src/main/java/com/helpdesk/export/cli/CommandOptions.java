package com.helpdesk.export.cli;

import com.helpdesk.export.domain.error.AdministrationException;
import com.helpdesk.export.domain.model.EmailAddress;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.MemberName;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.model.TeamName;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The options of one command, turned into values; every value is checked by {@link #check()}. */
final class CommandOptions {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    final AdminCommand command;
    private final Map<String, String> options;

    CommandOptions(AdminCommand command, Map<String, String> options) {
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
                    if (command == AdminCommand.CREATE_TEAM) {
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
        if (Echo.looksLikeKey(value)) {
            throw new UsageException("--" + name + " takes an id (a UUID"
                    + (name.equals("key") ? ", as list-keys shows it), not the key itself." : "), not an API key."));
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new UsageException("--" + name + " must be a UUID, e.g. 1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10; got "
                    + Echo.of(value) + ".");
        }
        return UUID.fromString(value);
    }

    Role role() throws UsageException {
        String value = options.get("role");
        return Role.fromWireName(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsageException("--role must be one of "
                        + Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining(", "))
                        + "; got " + Echo.of(value) + "."));
    }

    KeyKind kind() throws UsageException {
        String value = options.get("kind");
        return KeyKind.fromWireName(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsageException("--kind must be "
                        + Arrays.stream(KeyKind.values()).map(KeyKind::wireName).collect(Collectors.joining(" or "))
                        + "; got " + Echo.of(value) + "."));
    }

    Mode mode() throws UsageException {
        String value = options.get("mode");
        return Mode.fromWireName(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsageException("--mode must be "
                        + Arrays.stream(Mode.values()).map(Mode::wireName).collect(Collectors.joining(" or "))
                        + "; got " + Echo.of(value) + "."));
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
                    + "2027-01-01T00:00:00Z; got " + Echo.of(value) + ".");
        }
    }
}
