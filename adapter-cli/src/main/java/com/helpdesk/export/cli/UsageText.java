package com.helpdesk.export.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The usage texts: the whole of {@code help}, and one command's usage line and description. */
final class UsageText {

    /** How the commands are run from the distribution. */
    static final String PROGRAM = "java -jar quarkus-run.jar admin";

    private UsageText() {}

    /** The text {@code help} prints: every command of the table, then the options' syntax, database and exit status. */
    static String full() {
        StringBuilder text = new StringBuilder()
                .append("Administration of teams, members and API keys, on the service's database.\n\n")
                .append("Usage: ")
                .append(PROGRAM)
                .append(" <command> [options]\n\n")
                .append("Commands:\n");
        for (AdminCommand command : AdminCommand.values()) {
            text.append("  ")
                    .append(command.word)
                    .append(' ')
                    .append(command.synopsis)
                    .append('\n')
                    .append(indented(command.description))
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

    /** One command's usage line, e.g. {@code usage: java -jar quarkus-run.jar admin list-keys --team TEAM_ID}. */
    static String line(AdminCommand command) {
        return "usage: " + PROGRAM + " " + command.word + " " + command.synopsis;
    }

    /** One command's help: its usage line, then its description. */
    static void printCommand(AdminCommand command, PrintStream out) {
        out.println(line(command));
        out.println(indented(command.description));
    }

    private static String indented(String description) {
        return Arrays.stream(description.split("\n"))
                .map(line -> "      " + line)
                .collect(Collectors.joining("\n"));
    }
}
