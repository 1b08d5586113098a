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
            long jsonTotal = -1;
            for (Variant variant : Variant.values()) {
                if (!variant.http() || !variant.fits(export)) {
                    continue;
                }
                if (variant == Variant.HTTP_CSV_EACH) {
                    try (BenchClient client = new BenchClient(port, options, export)) {
                        bytes.put(variant, client.run(variant, Map.of()));
                    }
                    System.out.printf(
                            Locale.ROOT, "checked %-16s %,d bytes in five calls%n", variant.label, bytes.get(variant));
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
                int records = switch (variant.format) {
                    case "csv" -> csvRecords(payload) - 1;
                    case "ndjson" -> lines(payload);
                    // the workbook's rows as the service counts them (its tests read it back cell for cell); of
                    // five types, all of them: the JSON export's totalRows, checked above
                    case "xlsx" -> xlsxRecords(response, export, jsonTotal);
                    default -> jsonRecords(payload, export);
                };
                if ("json".equals(variant.format) && !variant.gzip) {
                    jsonTotal = new ObjectMapper()
                            .readTree(payload)
                            .path("data")
                            .path("totalRows")
                            .asLong();
                }
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

    /**
     * The records of the export's type in a workbook, by its {@code X-Total-Rows}; of five types, after checking that
     * it is the JSON export's total.
     */
    private static int xlsxRecords(MiniHttp.Response response, BenchExport export, long jsonTotal) {
        long total = Long.parseLong(response.header("x-total-rows"));
        if (!export.five()) {
            return (int) total;
        }
        if (total != jsonTotal) {
            throw new IllegalStateException("xlsx: X-Total-Rows " + total + ", the JSON export holds " + jsonTotal);
        }
        return export.rows();
    }

    /** The lines of an NDJSON body, after checking that it ends with a line feed (or is empty). */
    static int lines(byte[] ndjson) {
        int lines = 0;
        for (byte b : ndjson) {
            if (b == '\n') {
                lines++;
            }
        }
        if (ndjson.length > 0 && ndjson[ndjson.length - 1] != '\n') {
            throw new IllegalStateException("an NDJSON body that does not end with a line feed");
        }
        return lines;
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
