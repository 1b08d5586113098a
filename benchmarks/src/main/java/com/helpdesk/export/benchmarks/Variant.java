package com.helpdesk.export.benchmarks;

/** One way of getting the export's rows: over HTTP (CSV or JSON, with or without gzip), or by PostgreSQL's COPY. */
enum Variant {
    COPY_CSV("COPY csv (floor)", null, false),
    HTTP_CSV("HTTP csv", "csv", false),
    COPY_JSON("COPY json (floor)", null, false),
    HTTP_JSON("HTTP json", "json", false),
    HTTP_CSV_GZIP("HTTP csv, gzip", "csv", true),
    HTTP_JSON_GZIP("HTTP json, gzip", "json", true);

    final String label;
    final String format;
    final boolean gzip;

    Variant(String label, String format, boolean gzip) {
        this.label = label;
        this.format = format;
        this.gzip = gzip;
    }

    boolean http() {
        return format != null;
    }
}
