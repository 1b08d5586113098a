package com.helpdesk.export.rest.observability;

import com.helpdesk.export.domain.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Facts about one request that the access log and the metrics need, kept in its routing context. Only safe values
 * are kept: a key's display prefix, never the key; a team id only when it is a well-formed UUID.
 */
public final class RequestFacts {

    private static final String START = "facts.start";
    private static final String EXPORT = "facts.export";
    private static final String TEAM = "facts.team";
    private static final String KEY_PREFIX = "facts.keyPrefix";
    private static final String FORMAT = "facts.format";
    private static final String ROWS = "facts.rows";
    private static final String TYPES = "facts.types";
    private static final String ERROR = "facts.error";
    private static final String ABORTED = "facts.aborted";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F-]{36}");

    private RequestFacts() {}

    static void started(RoutingContext context) {
        context.put(START, System.nanoTime());
    }

    static long startNanos(RoutingContext context) {
        Long start = context.get(START);
        return start == null ? System.nanoTime() : start;
    }

    /** The request is an export attempt by a key with this display prefix (or none) on this team id. */
    public static void exportAttempt(RoutingContext context, String teamId, String keyPrefix) {
        context.put(EXPORT, Boolean.TRUE);
        if (teamId != null && UUID_TEXT.matcher(teamId).matches()) {
            context.put(TEAM, teamId.toLowerCase(Locale.ROOT));
        }
        if (keyPrefix != null) {
            context.put(KEY_PREFIX, keyPrefix);
        }
    }

    /** The export was prepared: its format, the types it holds and how many rows it will send. */
    public static void exporting(RoutingContext context, String format, String[] types, long[] rowsPerType) {
        context.put(FORMAT, format);
        context.put(TYPES, types);
        context.put(ROWS, rowsPerType);
    }

    public static void failed(RoutingContext context, ErrorCode code) {
        if (context != null) {
            context.put(ERROR, code);
        }
    }

    /** The export failed after its first byte and the connection was aborted. */
    public static void aborted(RoutingContext context) {
        context.put(ABORTED, Boolean.TRUE);
    }

    static boolean isExport(RoutingContext context) {
        return Boolean.TRUE.equals(context.get(EXPORT));
    }

    static boolean isAborted(RoutingContext context) {
        return Boolean.TRUE.equals(context.get(ABORTED));
    }

    static String team(RoutingContext context) {
        return context.get(TEAM);
    }

    static String keyPrefix(RoutingContext context) {
        return context.get(KEY_PREFIX);
    }

    static String format(RoutingContext context) {
        return context.get(FORMAT);
    }

    static String[] types(RoutingContext context) {
        return context.get(TYPES);
    }

    static long[] rows(RoutingContext context) {
        return context.get(ROWS);
    }

    static ErrorCode error(RoutingContext context) {
        return context.get(ERROR);
    }
}
