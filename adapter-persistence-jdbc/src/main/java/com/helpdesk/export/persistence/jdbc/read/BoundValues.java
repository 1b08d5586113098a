package com.helpdesk.export.persistence.jdbc.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The values of one page statement, kept out of its text. {@code COPY (SELECT …) TO STDOUT} takes no parameters, so
 * each value is bound (extended protocol, a parameter like any other) into a transaction-local setting by
 * {@link #bind}, and the statement reads it back with {@code current_setting('helpdesk_export.vN')} cast to its
 * type. The text of a page statement therefore depends only on the query's shape: which filters, how many values, and
 * which columns, never on what the caller sent. The planner still plans with the values: it evaluates
 * {@code current_setting} (a stable function) when it estimates, as it would a constant.
 *
 * <p>Each reference is a fixed setting name ({@code v1}, {@code v2}, … in the order the statement asks for them) and
 * a cast this class writes; {@link #bind} sets every one of them before the statement runs, in the same transaction,
 * so a value of an earlier statement of the snapshot is never read by a later one.
 */
final class BoundValues {

    /** The settings' namespace: a custom option of this service, set only by {@link #bind}, local to a transaction. */
    static final String PREFIX = "helpdesk_export.v";

    private final List<String> values = new ArrayList<>();

    /** A text value. */
    String text(String value) {
        return reference(value);
    }

    /** An array of text values, each bound alone: {@code ARRAY[<v>, <v>]}, a {@code text[]}. */
    String textArray(List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("an empty array has no element to bind");
        }
        StringBuilder out = new StringBuilder("ARRAY[");
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(text(texts.get(i)));
        }
        return out.append(']').toString();
    }

    String uuid(UUID value) {
        return reference(value.toString()) + "::uuid";
    }

    /** A transaction id, as the {@code xid8} of a change stamp. */
    String xid8(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a transaction id is not negative: " + value);
        }
        return reference(Long.toString(value)) + "::xid8";
    }

    String bool(boolean value) {
        return reference(Boolean.toString(value)) + "::boolean";
    }

    /**
     * An instant as a {@code timestamptz}, written in UTC to the microsecond (finer digits are cut: callers round
     * first where it matters, see {@code ResourceSql.ceilToMicros}); years before 1 as PostgreSQL writes them, with
     * {@code BC}. The text names its offset, so no session setting (time zone, date style) changes what it means.
     */
    String timestamptz(Instant value) {
        return reference(timestampText(value)) + "::timestamptz";
    }

    static String timestampText(Instant value) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        return String.format(
                Locale.ROOT,
                "%04d-%02d-%02d %02d:%02d:%02d.%06d+00%s",
                year > 0 ? year : 1 - year,
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond(),
                t.getNano() / 1_000,
                year > 0 ? "" : " BC");
    }

    private String reference(String value) {
        if (value.indexOf('\0') >= 0) {
            // no PostgreSQL text holds a NUL (the domain refuses it in every filter before)
            throw new IllegalArgumentException("a NUL character cannot be bound as PostgreSQL text");
        }
        values.add(value);
        return "current_setting('" + PREFIX + values.size() + "')";
    }

    /** The values, in the order of their settings ({@code v1} first). */
    List<String> values() {
        return List.copyOf(values);
    }

    /**
     * Sets every value, and {@code statement_timeout} to {@code statementTimeoutMillis}, for the rest of the
     * connection's transaction (which must be open: a setting made outside one ends at once), in one statement.
     */
    void bind(Connection connection, long statementTimeoutMillis) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT set_config('statement_timeout', ?, true)");
        for (int i = 1; i <= values.size(); i++) {
            sql.append(", set_config('").append(PREFIX).append(i).append("', ?, true)");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            statement.setString(1, Long.toString(statementTimeoutMillis));
            for (int i = 0; i < values.size(); i++) {
                statement.setString(i + 2, values.get(i));
            }
            statement.execute();
        }
    }
}
