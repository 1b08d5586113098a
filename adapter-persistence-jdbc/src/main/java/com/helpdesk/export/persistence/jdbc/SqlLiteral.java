package com.helpdesk.export.persistence.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Values written into SQL text, for the one statement that cannot take parameters: {@code COPY (SELECT …) TO
 * STDOUT}, which the reader streams its pages through ({@code BinaryCopy}). Every value is typed by its literal, so
 * that the planner sees it as a constant of that type, exactly as it sees a bound value in a custom plan:
 *
 * <ul>
 *   <li>text as an escape string constant, {@code E'…'}, with {@code \} and {@code '} doubled, which PostgreSQL
 *       reads the same whatever {@code standard_conforming_strings} says; a NUL, which no PostgreSQL text can hold
 *       and which would end the statement's text on the wire, is refused (the domain refuses it in every filter
 *       before);
 *   <li>ids from {@link UUID#toString()} (hex digits and dashes only) and times from their fields (digits only), each
 *       with its type;
 *   <li>integers and booleans as Java prints them.
 * </ul>
 */
final class SqlLiteral {

    private SqlLiteral() {}

    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8).append("E'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("a NUL character cannot be written into SQL");
            }
            if (c == '\\' || c == '\'') {
                out.append(c);
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }

    /** A {@code text[]} of these values. */
    static String textArray(List<String> values) {
        StringBuilder out = new StringBuilder("ARRAY[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(text(values.get(i)));
        }
        return out.append("]::text[]").toString();
    }

    static String uuid(UUID value) {
        return "'" + value + "'::uuid";
    }

    /**
     * An instant as a {@code timestamptz} in UTC, to the microsecond (finer digits are cut: callers round first
     * where it matters, see {@code ResourceSql.ceilToMicros}); years before 1 as PostgreSQL writes them, with
     * {@code BC}.
     */
    static String timestamptz(Instant value) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        return String.format(
                Locale.ROOT,
                "'%04d-%02d-%02d %02d:%02d:%02d.%06d+00%s'::timestamptz",
                year > 0 ? year : 1 - year,
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond(),
                t.getNano() / 1_000,
                year > 0 ? "" : " BC");
    }

    static String integer(long value) {
        return Long.toString(value);
    }

    static String bool(boolean value) {
        return value ? "true" : "false";
    }
}
