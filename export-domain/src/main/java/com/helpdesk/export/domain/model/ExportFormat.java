package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ExportException;

/** The formats an export is written in. */
public enum ExportFormat {
    JSON("json"),
    CSV("csv");

    private final String wireName;

    ExportFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
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
        throw ExportException.invalid(param, "Invalid format '" + name + "'. Allowed values: json, csv.");
    }
}
