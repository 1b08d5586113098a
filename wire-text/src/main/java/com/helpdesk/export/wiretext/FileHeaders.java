package com.helpdesk.export.wiretext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a document delivered as a file says beside its body: its file name ({@code <what>-<team>-<time>.<extension>},
 * the time in UTC to the second) and, for a file of one resource (CSV, NDJSON), the headers that carry what an
 * envelope would: the rows in it, whether more rows match, and the cursor that continues after its last row.
 */
public final class FileHeaders {

    public static final String TOTAL_ROWS = "X-Total-Rows";
    public static final String HAS_MORE = "X-Has-More";
    public static final String NEXT_CURSOR = "X-Next-Cursor";
    /** The cursor of the change feed at the export's snapshot. */
    public static final String SYNC_CURSOR = "X-Sync-Cursor";

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private FileHeaders() {}

    /** e.g. {@code tickets-5f3a…-20261207T120000Z.csv} */
    public static String fileName(String what, String team, Instant generatedAt, String extension) {
        return what + "-" + team + "-" + FILE_TIME.format(generatedAt) + "." + extension;
    }

    /** The headers of a file of one resource, in order; the cursor only when more rows match. */
    public static Map<String, String> ofOneResource(long totalRows, boolean hasMore, Optional<String> nextCursor) {
        return ofOneResource(totalRows, hasMore, nextCursor, Optional.empty());
    }

    /**
     * The headers of a file of one resource, in order; the cursor only when more rows match, the change feed's cursor
     * at the snapshot when there is one.
     */
    public static Map<String, String> ofOneResource(
            long totalRows, boolean hasMore, Optional<String> nextCursor, Optional<String> syncCursor) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TOTAL_ROWS, Long.toString(totalRows));
        headers.put(HAS_MORE, Boolean.toString(hasMore));
        nextCursor.ifPresent(cursor -> headers.put(NEXT_CURSOR, cursor));
        syncCursor.ifPresent(cursor -> headers.put(SYNC_CURSOR, cursor));
        return headers;
    }
}
