package com.helpdesk.export.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options, and the command after {@code --}. */
final class BenchOptions {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> command = new ArrayList<>();

    static BenchOptions parse(String[] args) {
        BenchOptions options = new BenchOptions();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                options.command.addAll(Arrays.asList(args).subList(i + 1, args.length));
                break;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value at " + args[i]);
            }
            options.values.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    int intValue(String name) {
        return Integer.parseInt(get(name));
    }

    int intValue(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    long longValue(String name, long fallback) {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
    }

    List<String> command() {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the service command goes after --");
        }
        return command;
    }
}
