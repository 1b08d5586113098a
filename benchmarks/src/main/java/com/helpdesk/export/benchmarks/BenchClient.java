package com.helpdesk.export.benchmarks;

import java.util.Map;

/** What a client needs to run any variant: one HTTP connection and one database connection of its own. */
final class BenchClient implements AutoCloseable {

    private final MiniHttp httpClient;
    private final CopyFloor copy;
    private final BenchExport export;

    BenchClient(int port, BenchOptions options, BenchExport export) throws Exception {
        this.export = export;
        httpClient = new MiniHttp(BenchExport.HOST, port);
        copy = new CopyFloor(
                options.get("jdbc"), options.get("db-user", "postgres"), options.get("db-password", "postgres"));
    }

    /** Runs the variant once: bytes received; throws when the answer is not a complete, right export. */
    long run(Variant variant, Map<Variant, Long> expectedBytes) throws Exception {
        if (!variant.http()) {
            return export.copyFloor(copy, variant == Variant.COPY_CSV);
        }
        if (variant == Variant.HTTP_CSV_EACH) {
            long bytes = 0;
            for (byte[] body : BenchExport.eachOfFiveBodies(variant.format)) {
                MiniHttp.Response one = httpClient.post(BenchExport.PATH, BenchExport.headers(false), body, false);
                if (one.status() != 200 || !one.complete()) {
                    throw new IllegalStateException(variant.label + ": status " + one.status());
                }
                bytes += one.bodyBytes();
            }
            return bytes;
        }
        MiniHttp.Response response = httpClient.post(
                BenchExport.PATH, BenchExport.headers(variant.gzip), export.body(variant.format), false);
        check(variant, response, export);
        Long expected = expectedBytes.get(variant);
        // identity answers are byte-for-byte the same size every time (request ids and timestamps have fixed
        // lengths); compressed ones vary by a few bytes with the request id, and so does a workbook (a zip whose
        // _export sheet holds the export's time)
        boolean compressed = variant.gzip || "xlsx".equals(variant.format);
        long tolerance = compressed ? Math.max(64, expected == null ? 0 : expected / 100) : 0;
        if (expected != null && Math.abs(expected - response.bodyBytes()) > tolerance) {
            throw new IllegalStateException(
                    variant.label + ": " + response.bodyBytes() + " bytes, the first answer had " + expected);
        }
        return response.bodyBytes();
    }

    /**
     * Throws unless the answer is complete, 200, encoded as the variant asked, and (a file of one type: CSV, NDJSON,
     * XLSX) counts the export's rows.
     */
    static void check(Variant variant, MiniHttp.Response response, BenchExport export) {
        if (response.status() != 200 || !response.complete()) {
            throw new IllegalStateException(
                    variant.label + ": status " + response.status() + ", complete " + response.complete());
        }
        String encoding = response.header("content-encoding");
        if (variant.gzip != "gzip".equalsIgnoreCase(encoding)) {
            throw new IllegalStateException(variant.label + ": Content-Encoding " + encoding);
        }
        boolean file = "csv".equals(variant.format) || "ndjson".equals(variant.format) || "xlsx".equals(variant.format);
        if (file && !export.five() && !String.valueOf(export.rows()).equals(response.header("x-total-rows"))) {
            throw new IllegalStateException(variant.label + ": X-Total-Rows " + response.header("x-total-rows"));
        }
    }

    @Override
    public void close() {
        httpClient.close();
        copy.close();
    }
}
