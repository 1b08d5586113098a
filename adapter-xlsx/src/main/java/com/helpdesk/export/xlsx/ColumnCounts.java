package com.helpdesk.export.xlsx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Excel's limits changed in one resource's sheet, per column: the texts cut to fit a cell, and the dates and
 * times outside Excel's (1900 to 9999) written as text. Columns in the order first counted; not thread-safe.
 */
final class ColumnCounts {

    private final Map<String, int[]> counts = new LinkedHashMap<>();

    void cut(String column) {
        counts.computeIfAbsent(column, c -> new int[2])[0]++;
    }

    void asText(String column) {
        counts.computeIfAbsent(column, c -> new int[2])[1]++;
    }

    /** Per column: {@code [cells cut, dates as text]}. */
    Map<String, int[]> byColumn() {
        return Collections.unmodifiableMap(counts);
    }
}
