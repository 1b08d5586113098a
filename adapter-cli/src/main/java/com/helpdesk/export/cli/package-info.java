/**
 * The admin command line, a driving adapter: {@link com.helpdesk.export.cli.AdminCommands} parses
 * {@code admin <command> --option value ...}, prints the usage, calls the application's
 * {@code KeyAdministrationUseCase} (its port.in) and formats the answer; exit status 0 done, 1 failed, 2 wrong command
 * line or value, decided in one place ({@code failed}). The distribution runs it as
 * {@code java -jar quarkus-run.jar admin <command>}: the launcher in the REST module wires the use case over the JDBC
 * adapter and the service's database.
 *
 * <p>What belongs here: the command line, its texts and exit statuses; no rule about keys (the domain's) and no
 * storage (the JDBC adapter's, which this module does not know). A new key is printed once; nothing prints a key hash,
 * and a value that looks like a key is never echoed back.
 */
package com.helpdesk.export.cli;
