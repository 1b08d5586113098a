/**
 * The admin command line, a driving adapter: {@link com.helpdesk.export.cli.AdminCommands} runs
 * {@code admin <command> --option value ...} and decides the exit status in one place (0 done, 1 failed, 2 wrong
 * command line or value); the table of commands ({@code AdminCommand}), the reading of the arguments
 * ({@code ArgumentParser}, {@code CommandOptions}), the usage text ({@code UsageText}), the call of the application's
 * {@code KeyAdministrationUseCase} (its port.in; {@code CommandExecution}) and the printing of its answers
 * ({@code AdminOutput}) each have a class of their own. The distribution runs it as
 * {@code java -jar quarkus-run.jar admin <command>}: the launcher in the REST module wires the use case over the JDBC
 * adapter and the service's database.
 *
 * <p>What belongs here: the command line, its texts and exit statuses; no rule about keys (the domain's) and no
 * storage (the JDBC adapter's, which this module does not know). A new key is printed once; nothing prints a key hash,
 * and a value that looks like a key is never echoed back ({@code Echo}).
 */
package com.helpdesk.export.cli;
