package com.helpdesk.export.assembly;

import com.helpdesk.export.application.service.KeyAdministrationService;
import com.helpdesk.export.cli.AdminCommands;
import com.helpdesk.export.persistence.jdbc.access.JdbcKeyAdministration;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * The {@code admin} subcommand's wiring: the command line ({@link AdminCommands}) over the key administration use
 * case ({@link KeyAdministrationService}) over the JDBC adapter ({@link JdbcKeyAdministration}) on the service's
 * database ({@link AdminDatabase}), which is opened, and migrated, only once the command line is valid. No HTTP
 * server starts and no CDI container: plain constructors, nothing reflective.
 */
public final class AdminLauncher {

    private AdminLauncher() {}

    /** Runs one admin command; answers its exit status. The database is closed (if this started it) before. */
    public static int run(String[] args, AdminDatabase database, Clock clock, PrintStream out, PrintStream err) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        try (database) {
            return AdminCommands.run(
                    args,
                    () -> new KeyAdministrationService(new JdbcKeyAdministration(database.open()), clock),
                    out,
                    err);
        }
    }
}
