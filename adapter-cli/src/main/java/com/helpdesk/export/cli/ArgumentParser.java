package com.helpdesk.export.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one command's arguments: {@code --name value} and {@code --name=value}; each option at most once; only the
 * command's options; every required one present; no other argument. The values are then checked by
 * {@link CommandOptions#check()}.
 */
final class ArgumentParser {

    private ArgumentParser() {}

    /**
     * The command's options, every value checked.
     *
     * @throws UsageException the command line is wrong, or a value can never be right
     * @throws com.helpdesk.export.domain.error.AdministrationException INVALID_INPUT: a name or address the domain
     *     refuses
     */
    static CommandOptions parse(AdminCommand command, List<String> args) throws UsageException {
        CommandOptions options = new CommandOptions(command, options(command, args));
        options.check();
        return options;
    }

    private static Map<String, String> options(AdminCommand command, List<String> args) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException(
                        "unexpected argument " + Echo.of(arg) + " (options are written --name VALUE or --name=VALUE).");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!command.takes(name)) {
                throw new UsageException("unknown option " + Echo.of("--" + name) + " for " + command.word + ".");
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
}
