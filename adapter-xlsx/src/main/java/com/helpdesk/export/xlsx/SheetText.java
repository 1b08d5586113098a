package com.helpdesk.export.xlsx;

/**
 * The text of a text cell as a spreadsheet keeps it. Excel holds at most {@value #MAX_CHARS} characters in a cell: a
 * longer text is cut so that, with {@value #CUT_MARK} at its end, it has exactly that many (never between the two
 * halves of a surrogate pair). Then what XML 1.0 cannot carry (controls other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF, a lone surrogate) is written as OOXML's escape {@code _xHHHH_}, which spreadsheets read back as the
 * character; and a text that itself looks like such an escape has its underscore escaped ({@code _x005F_}), so that
 * it reads back as written.
 */
final class SheetText {

    /** The most characters (UTF-16 units) Excel keeps in a cell. */
    static final int MAX_CHARS = 32_767;

    /** How a cut text ends. */
    static final String CUT_MARK = "…[cut]";

    private SheetText() {}

    /** Whether {@code text} is longer than a cell holds. */
    static boolean tooLong(String text) {
        return text.length() > MAX_CHARS;
    }

    /** {@code text} cut to {@link #MAX_CHARS} characters with {@link #CUT_MARK} at the end, when it is longer. */
    static String cut(String text) {
        if (!tooLong(text)) {
            return text;
        }
        int keep = MAX_CHARS - CUT_MARK.length();
        if (Character.isHighSurrogate(text.charAt(keep - 1)) && Character.isLowSurrogate(text.charAt(keep))) {
            keep--;
        }
        return text.substring(0, keep) + CUT_MARK;
    }

    /** {@code text} with what XML cannot carry, and what would read as an escape, escaped as OOXML says. */
    static String escaped(String text) {
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String escape = null;
            if (c == '_' && looksLikeEscape(text, i)) {
                escape = "_x005F_";
            } else if (!xmlChar(text, i)) {
                escape = String.format("_x%04X_", (int) c);
            }
            if (escape != null && out == null) {
                out = new StringBuilder(length + 16).append(text, 0, i);
            }
            if (escape != null) {
                out.append(escape);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code _x} followed by four hex digits and {@code _} at {@code at}. */
    private static boolean looksLikeEscape(String text, int at) {
        if (at + 6 >= text.length() || (text.charAt(at + 1) != 'x' && text.charAt(at + 1) != 'X')) {
            return false;
        }
        for (int i = at + 2; i < at + 6; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return text.charAt(at + 6) == '_';
    }

    /** Whether the UTF-16 unit at {@code at} is (part of) a character XML 1.0 allows. */
    private static boolean xmlChar(String text, int at) {
        char c = text.charAt(at);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (Character.isHighSurrogate(c)) {
            return at + 1 < text.length() && Character.isLowSurrogate(text.charAt(at + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return at > 0 && Character.isHighSurrogate(text.charAt(at - 1));
        }
        return c != '\uFFFE' && c != '\uFFFF';
    }
}
