package com.helpdesk.export.rest.web.request;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Jackson's refusals of a body in the API's terms: a syntax error or a broken reading limit is {@code invalid_json}
 * with the line and column; a key the body may not hold is {@code parameter_unknown}, a value of the wrong JSON type
 * {@code parameter_invalid}, each naming the field at fault in {@code param} as a request path
 * ({@code resources[0].filters.colour}).
 */
final class JacksonErrors {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_$-]+");

    private JacksonErrors() {}

    static ExportException syntaxError(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return new ExportException(
                    ErrorCode.INVALID_JSON,
                    "The request body exceeds a limit of this API: " + constraint(e.getOriginalMessage())
                            + locationOf(e));
        }
        return new ExportException(
                ErrorCode.INVALID_JSON,
                "The request body is not valid JSON: " + clean(e.getOriginalMessage()) + locationOf(e));
    }

    /** Databind wraps syntax errors met while binding; those are still invalid JSON, not a field's fault. */
    static ExportException mappingError(JsonMappingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException || cause instanceof StreamConstraintsException) {
                return syntaxError((JacksonException) cause);
            }
        }
        String param = path(e);
        if (e instanceof UnrecognizedPropertyException) {
            return ExportException.unknown(param);
        }
        if (param.isEmpty()) {
            return new ExportException(ErrorCode.INVALID_JSON, "The request body must be a JSON object.");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return ExportException.invalid(param, param + " has the wrong JSON type" + expected(mismatch) + ".");
        }
        return ExportException.invalid(param, param + " is not valid.");
    }

    /** Which reading limit a body broke, in the API's words rather than the parser's. */
    private static String constraint(String message) {
        String m = message == null ? "" : message;
        if (m.contains("nesting depth")) {
            return "it nests deeper than " + StrictMapper.MAX_NESTING_DEPTH + " levels";
        }
        if (m.startsWith("Number value length")) {
            return "it holds a number longer than " + StrictMapper.MAX_NUMBER_LENGTH + " characters";
        }
        if (m.startsWith("Name length")) {
            return "it holds a key longer than " + StreamReadConstraints.DEFAULT_MAX_NAME_LEN + " characters";
        }
        if (m.startsWith("String value length")) {
            return "it holds a string longer than " + StreamReadConstraints.DEFAULT_MAX_STRING_LEN + " characters";
        }
        return "it is too large or too deeply nested";
    }

    /**
     * Jackson's own words, without its hints about its own features and settings: the caller needs to know what
     * is wrong with the JSON, not which parser reads it or how it could be configured.
     */
    static String clean(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        String m = message;
        int source = m.indexOf("[Source:");
        if (source >= 0) {
            // "... (start marker at [Source: REDACTED (...); line: 1, column: 15])": the location is added below
            int open = m.lastIndexOf(" (", source);
            m = m.substring(0, open >= 0 ? open : source);
        }
        m = m.replaceAll(": maybe a \\(non-standard\\) comment\\?.*", "")
                .replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll(",? ?from `[^`]*`", "")
                .replaceAll("`[^`]*`", "");
        return m.strip();
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null
                ? "."
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ").";
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "";
        }
        if (target == String.class) {
            return ": expected a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return ": expected true or false";
        }
        if (List.class.isAssignableFrom(target)) {
            return ": expected an array";
        }
        return ": expected an object";
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                appendKey(path, ref.getFieldName());
            }
        }
        return path.toString();
    }

    /**
     * A key in the path: {@code .key}, or, for a key that dot notation cannot show (empty, or holding dots,
     * brackets, quotes, spaces...), {@code ["key"]} as a JSON string.
     */
    private static void appendKey(StringBuilder path, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(key);
            return;
        }
        StringBuilder quoted = new StringBuilder("[\"");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        path.append(quoted).append("\"]");
    }
}
