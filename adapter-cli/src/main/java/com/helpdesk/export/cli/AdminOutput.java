package com.helpdesk.export.cli;

import com.helpdesk.export.application.port.in.CreatedKey;
import com.helpdesk.export.application.port.in.KeyListing;
import com.helpdesk.export.domain.model.EmailAddress;
import com.helpdesk.export.domain.model.KeyDescription;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyRevocation;
import com.helpdesk.export.domain.model.MemberName;
import com.helpdesk.export.domain.model.Permission;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.model.TeamName;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the commands print when done: ids on labelled lines ({@code  team id:   ...}), a new key once between blank
 * lines, the key table by display prefix. Nothing here prints a key hash.
 */
final class AdminOutput {

    private static final String KEY_TABLE_ROW = "%-36s  %-12s  %-11s  %-4s  %-7s  %-9s  %-20s  %-20s  %-20s  %s%n";

    private AdminOutput() {}

    static void teamCreated(TeamName name, TeamId team, PrintStream out) {
        out.println("Team created: " + name.value());
        out.println("  team id:   " + team);
    }

    static void memberAdded(
            TeamId team, MemberName name, Optional<EmailAddress> email, Role role, UUID member, PrintStream out) {
        out.println("Member added to team " + team + ": " + name.value()
                + email.map(e -> " <" + e.value() + ">").orElse("") + ", " + role.wireName());
        out.println("  member id: " + member);
    }

    static void keyCreated(CreatedKey key, PrintStream out) {
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

    static void keys(KeyListing listing, PrintStream out) {
        TeamId team = listing.team();
        List<KeyListing.Entry> keys = listing.keys();
        if (keys.isEmpty()) {
            out.println("Team " + team + ": no keys.");
            return;
        }
        out.println("Team " + team + ": " + keys.size() + (keys.size() == 1 ? " key" : " keys")
                + " (display prefixes only; the keys themselves are not stored)");
        out.printf(
                KEY_TABLE_ROW,
                "KEY ID",
                "PREFIX",
                "KIND",
                "MODE",
                "STATUS",
                "ROLE",
                "CREATED",
                "EXPIRES",
                "REVOKED",
                "MEMBER");
        for (KeyListing.Entry entry : keys) {
            KeyDescription key = entry.key();
            out.printf(
                    KEY_TABLE_ROW,
                    key.keyId(),
                    key.displayPrefix(),
                    key.kind().wireName(),
                    key.mode().wireName(),
                    entry.status().wireName(),
                    key.role().wireName(),
                    shown(key.createdAt()),
                    key.expiresAt().map(AdminOutput::shown).orElse("never"),
                    key.revokedAt().map(AdminOutput::shown).orElse("-"),
                    key.memberId() + " " + key.memberName());
        }
    }

    static void revoked(KeyRevocation revocation, PrintStream out) {
        if (revocation.alreadyRevoked()) {
            out.println("Key " + revocation.keyId() + " (" + revocation.displayPrefix() + ") was already revoked at "
                    + shown(revocation.revokedAt()) + "; nothing changed.");
        } else {
            out.println("Key " + revocation.keyId() + " (" + revocation.displayPrefix() + ") revoked at "
                    + shown(revocation.revokedAt()) + ": it is refused from now on.");
        }
    }

    /** An instant to the second, e.g. 2027-01-01T00:00:00Z. */
    private static String shown(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
