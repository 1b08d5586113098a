package com.helpdesk.export.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads one answer of each HTTP variant in full and checks its contents (every record there and complete), and that
 * the COPY floor gives the same rows, before anything is measured; prints a {@code checked} line for each.
 */
final class AnswerValidation {

    private AnswerValidation() {}

    /** The bytes on the wire of each variant's answer, for the measured runs to compare theirs with. */
    static Map<Variant, Long> validate(int port, BenchOptions options, BenchExport export) throws Exception {
        Map<Variant, Long> bytes = new LinkedHashMap<>();
        try (MiniHttp http = new MiniHttp(BenchExport.HOST, port);
                CopyFloor copy = new CopyFloor(
                        options.get("jdbc"),
                        options.get("db-user", "postgres"),
                        options.get("db-password", "postgres"))) {
            for (Variant variant : Variant.values()) {
                if (!variant.http() || (export.five() && "csv".equals(variant.format))) {
                    continue;
                }
                MiniHttp.Response response = http.post(
                        BenchExport.PATH, BenchExport.headers(variant.gzip), export.body(variant.format), true);
                BenchClient.check(variant, response, export);
                byte[] payload = response.body();
                if (variant.gzip) {
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload))) {
                        payload = in.readAllBytes();
                    }
                }
                int records = "csv".equals(variant.format) ? csvRecords(payload) - 1 : jsonRecords(payload, export);
                if (records != export.rows()) {
                    throw new IllegalStateException(variant.label + ": " + records + " records");
                }
                bytes.put(variant, response.bodyBytes());
                System.out.printf(
                        Locale.ROOT,
                        "checked %-16s %,d records, %,d bytes on the wire (%,d decoded)%n",
                        variant.label,
                        records,
                        response.bodyBytes(),
                        payload.length);
            }
            // the floor gives the same rows
            if (!export.five()) {
                System.out.printf(Locale.ROOT, "checked %-16s %,d bytes%n", "COPY csv", export.copyFloor(copy, true));
            }
            System.out.printf(Locale.ROOT, "checked %-16s %,d bytes%n", "COPY json", export.copyFloor(copy, false));
        }
        return bytes;
    }

    /** RFC 4180 records in a CSV body (CRLF outside quotes ends a record). */
    static int csvRecords(byte[] csv) {
        int records = 0;
        boolean quoted = false;
        for (int i = 0; i < csv.length; i++) {
            byte b = csv[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && b == '\n' && i > 0 && csv[i - 1] == '\r') {
                records++;
            }
        }
        return records;
    }

    /**
     * The records of the export's type in a JSON body (of tickets, the first type, in the five-resource export),
     * after checking that {@code totalRows} counts the records of every type.
     */
    static int jsonRecords(byte[] json, BenchExport export) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode data = root.path("data");
        int total = 0;
        for (JsonNode rows : data.path("resources")) {
            total += rows.size();
        }
        if (data.path("totalRows").asInt() != total) {
            throw new IllegalStateException("totalRows does not match the records");
        }
        // the five-resource export holds 10,000 of its first type, tickets
        return data.path("resources")
                .path(export.five() ? "tickets" : export.resource())
                .size();
    }
}
