package com.helpdesk.export.wiretext;

/**
 * The compact text of a JSON value: the same value with no white space between its tokens (strings are copied as
 * they are, escapes included). PostgreSQL writes {@code jsonb} with a space after each {@code :} and {@code ,};
 * exports write the compact form, in a CSV cell and in JSON alike.
 */
public final class JsonText {

    private JsonText() {}

    /**
     * @param json a valid JSON text (as the database gives it); what is not JSON is copied with its white space
     *             outside quotes removed, never refused
     */
    public static String compact(String json) {
        int length = json.length();
        StringBuilder out = null;
        boolean inString = false;
        for (int i = 0; i < length; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\' && i + 1 < length) {
                    if (out != null) {
                        out.append(c).append(json.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                if (out == null) {
                    out = new StringBuilder(length).append(json, 0, i);
                }
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }
}
