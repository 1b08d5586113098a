package com.helpdesk.export.cli;

import com.helpdesk.export.application.port.in.KeyAdministrationUseCase;
import com.helpdesk.export.domain.error.AdministrationException;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admin command line over the {@link KeyAdministrationUseCase}: {@code create-team}, {@code add-member},
 * {@code create-key}, {@code list-keys}, {@code revoke-key} and {@code help} (see {@link #USAGE}). Exit status {@value #OK} when done,
 * {@value #FAILED} when the command could not be carried out (no such team, member of another team, database
 * unreachable), {@value #USAGE_ERROR} when the command line or one of its values is wrong. Results go to
 * {@code out}, errors to {@code err}; {@code create-key} prints the new key once, and nothing prints a key hash.
 *
 * <p>This class picks the command, runs it and decides the exit status; the table of commands is
 * {@link AdminCommand}, the arguments are read by {@link ArgumentParser}, the help is {@link UsageText}, the use case
 * is called by {@link CommandExecution} and its answers printed by {@link AdminOutput}.
 */
public final class AdminCommands {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE_ERROR = 2;

    /** The text {@code help} prints. */
    public static final String USAGE = UsageText.full();

    private AdminCommands() {}

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
        Optional<AdminCommand> found = AdminCommand.of(word);
        if (found.isEmpty()) {
            err.println("error: unknown command " + Echo.of(word) + ".");
            err.println("Commands: " + AdminCommand.words() + ", help. Run '" + UsageText.PROGRAM
                    + " help' for their options.");
            return USAGE_ERROR;
        }
        AdminCommand command = found.get();
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            UsageText.printCommand(command, out);
            return OK;
        }
        CommandOptions options;
        try {
            options = ArgumentParser.parse(command, rest);
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
            CommandExecution.execute(options, useCase, out);
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
    private static int failed(AdminCommand command, RuntimeException e, PrintStream err) {
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
        Optional<AdminCommand> command = topic.size() == 1 ? AdminCommand.of(topic.get(0)) : Optional.empty();
        if (command.isEmpty()) {
            err.println("error: help takes at most one command name: " + AdminCommand.words() + ".");
            return USAGE_ERROR;
        }
        UsageText.printCommand(command.get(), out);
        return OK;
    }

    private static int usageError(AdminCommand command, String message, PrintStream err) {
        err.println("error: " + message);
        err.println(UsageText.line(command));
        return USAGE_ERROR;
    }

    /** An exception's message, with its cause's when that adds something. */
    private static String describe(Throwable e) {
        StringBuilder text =
                new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
            text.append(" (").append(cause.getMessage()).append(')');
        }
        return text.toString();
    }
}
