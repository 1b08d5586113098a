package com.helpdesk.export.cli;

import java.util.regex.Pattern;

/** How a value the user typed is repeated in a message: quoted, cut short, and never when it looks like an API key. */
final class Echo {

    /** Something that looks like an API key: never echoed back. */
    private static final Pattern KEY_LIKE = Pattern.compile("(?i)\\s*[sp]k_.*");

    private static final int SHOWN_VALUE_LENGTH = 60;

    private Echo() {}

    static boolean looksLikeKey(String value) {
        return KEY_LIKE.matcher(value).matches();
    }

    /** A value the user typed, quoted and cut short; one that looks like an API key is not repeated. */
    static String of(String value) {
        if (looksLikeKey(value)) {
            return "(a value that looks like an API key, not repeated here)";
        }
        String cut = value.length() > SHOWN_VALUE_LENGTH ? value.substring(0, SHOWN_VALUE_LENGTH) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
