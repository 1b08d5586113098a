package com.helpdesk.export.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the harness asks the service for: one resource type ({@code tickets}, {@code messages}, …) or {@code five}
 * (all five types in one JSON export), and how many records of it an answer holds; the request's path, headers and
 * body for the demo team's live secret key; PostgreSQL's own {@code COPY} of the same rows.
 *
 * @param resource a type, or {@code five}
 * @param rows the records an export of one type holds: 10,000, or all the demo team's live rows of a type that has
 *     fewer
 */
record BenchExport(String resource, int rows) {

    static final String HOST = "127.0.0.1";
    static final String TEAM = "5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";
    static final String KEY = "sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1";
    static final String PATH = "/api/v1/teams/" + TEAM + "/export";
    static final int ROWS = 10_000;

    /** The demo team's 10,000 live tickets. */
    static final BenchExport TICKETS = new BenchExport("tickets", ROWS);

    BenchExport {
        Objects.requireNonNull(resource, "resource");
        if (rows <= 0) {
            throw new IllegalArgumentException("rows must be positive: " + rows);
        }
    }

    boolean five() {
        return resource.equals("five");
    }

    /** The request's body: this export's resources in {@code format}. */
    byte[] body(String format) {
        String resources = five()
                ? "[{\"type\":\"tickets\"},{\"type\":\"customers\"},{\"type\":\"articles\"},"
                        + "{\"type\":\"messages\"},{\"type\":\"members\"}]"
                : "[{\"type\":\"" + resource + "\"}]";
        return body(resources, format);
    }

    /** The bodies of the five types, each alone, in {@code format}: what one call per type sends. */
    static java.util.List<byte[]> eachOfFiveBodies(String format) {
        return java.util.stream.Stream.of("tickets", "customers", "articles", "messages", "members")
                .map(type -> body("[{\"type\":\"" + type + "\"}]", format))
                .toList();
    }

    /** The body of a three-resource export: tickets, customers and articles in {@code format}. */
    static byte[] threeResourcesBody(String format) {
        return body("[{\"type\":\"tickets\"},{\"type\":\"customers\"},{\"type\":\"articles\"}]", format);
    }

    private static byte[] body(String resources, String format) {
        return ("{\"resources\":" + resources + ",\"format\":\"" + format + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** The request's headers: the demo key, a JSON body, and gzip accepted when asked. */
    static Map<String, String> headers(boolean gzip) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + KEY);
        headers.put("Content-Type", "application/json");
        if (gzip) {
            headers.put("Accept-Encoding", "gzip");
        }
        return headers;
    }

    /** PostgreSQL's {@code COPY} of the same rows (of each of the five, in one snapshot): the bytes it sent. */
    long copyFloor(CopyFloor copy, boolean csv) throws Exception {
        if (five()) {
            return copy.run(CopyFloor.FIVE.stream()
                    .map(t -> CopyFloor.jsonCopy(t, ROWS))
                    .toList());
        }
        return copy.run(csv ? CopyFloor.csvCopy(resource, ROWS) : CopyFloor.jsonCopy(resource, ROWS));
    }
}
