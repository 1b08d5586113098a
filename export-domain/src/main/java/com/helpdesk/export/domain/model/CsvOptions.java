package com.helpdesk.export.domain.model;

/** Options that only a CSV export takes. {@code bom}: start the file with a UTF-8 byte-order mark (for Excel). */
public record CsvOptions(boolean bom) {
    public static final CsvOptions DEFAULT = new CsvOptions(false);
}
