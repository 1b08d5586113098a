package com.helpdesk.export.domain.model;

/** Bytes {@code from} (inclusive) to {@code to} (exclusive) of a spool. */
public record SpoolRange(long from, long to) {

    public SpoolRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("a range from " + from + " to " + to + " is none");
        }
    }

    public long length() {
        return to - from;
    }
}
