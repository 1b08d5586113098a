package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ExportException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The formats an export is written in, by their wire names. JSON and NDJSON write a record as a JSON object (the
 * custom fields one object in it); CSV and XLSX write a table, whose columns hold the custom fields one each.
 */
public enum ExportFormat {
    JSON("json", false),
    CSV("csv", true),
    NDJSON("ndjson", false),
    XLSX("xlsx", true);

    private final String wireName;
    private final boolean table;

    ExportFormat(String wireName, boolean table) {
        this.wireName = wireName;
        this.table = table;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether a record is a row of a table: every value a column of its own, so a table needs one column at least. */
    public boolean isTable() {
        return table;
    }

    /** {@code null} means the default, JSON. */
    public static ExportFormat parse(String name, String param) {
        if (name == null) {
            return JSON;
        }
        for (ExportFormat f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        throw ExportException.invalid(
                param,
                "Invalid format '" + name + "'. Allowed values: "
                        + Arrays.stream(values()).map(ExportFormat::wireName).collect(Collectors.joining(", "))
                        + ".");
    }
}
