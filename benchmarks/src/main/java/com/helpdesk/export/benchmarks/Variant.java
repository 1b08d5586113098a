package com.helpdesk.export.benchmarks;

/**
 * One way of getting the export's rows: over HTTP (CSV, JSON, NDJSON or XLSX, CSV and JSON also with gzip; the five
 * types as five CSV calls one after the other), or by PostgreSQL's COPY.
 */
enum Variant {
    COPY_CSV("COPY csv (floor)", null, false),
    HTTP_CSV("HTTP csv", "csv", false),
    COPY_JSON("COPY json (floor)", null, false),
    HTTP_JSON("HTTP json", "json", false),
    HTTP_CSV_GZIP("HTTP csv, gzip", "csv", true),
    HTTP_JSON_GZIP("HTTP json, gzip", "json", true),
    HTTP_NDJSON("HTTP ndjson", "ndjson", false),
    HTTP_XLSX("HTTP xlsx", "xlsx", false),
    /** The five types as CSV: one call per type, one after the other (CSV holds one resource). */
    HTTP_CSV_EACH("HTTP csv, a call per type", "csv", false);

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

    /** Whether this variant can export {@code export}: a format of one resource only one type, one call per type five. */
    boolean fits(BenchExport export) {
        if (this == HTTP_CSV_EACH) {
            return export.five();
        }
        return !export.five() || !("csv".equals(format) || "ndjson".equals(format));
    }
}
