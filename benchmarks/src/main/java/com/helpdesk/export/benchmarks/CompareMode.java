package com.helpdesk.export.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code compare}: the HTTP export (CSV, JSON, each also with {@code Accept-Encoding: gzip}; NDJSON, XLSX) against
 * PostgreSQL's own
 * {@code COPY} of the same rows, with 1 client (rounds interleaved) and with N concurrent clients; latencies,
 * throughput, and the CPU the service's JVM and its PostgreSQL spent per export, as Markdown tables and
 * {@code RATIO} lines.
 */
final class CompareMode {

    private CompareMode() {}

    static void run(BenchOptions options) throws Exception {
        BenchExport export =
                new BenchExport(options.get("type", "tickets"), options.intValue("rows", BenchExport.ROWS));
        int rows = export.rows();
        int port = options.intValue("port");
        int rounds = options.intValue("rounds", 4);
        int perRound = options.intValue("per-round", 5);
        int warmup = options.intValue("warmup", 15);
        int clients = options.intValue("clients", 8);
        int perClient = options.intValue("per-client", 5);
        List<Variant> variants = new ArrayList<>();
        for (String name : options.get(
                        "variants",
                        export.five()
                                ? "COPY_JSON,HTTP_JSON"
                                : "COPY_CSV,HTTP_CSV,COPY_JSON,HTTP_JSON,HTTP_CSV_GZIP,HTTP_JSON_GZIP")
                .split(",")) {
            variants.add(Variant.valueOf(name.trim()));
        }
        String title = options.get("title", "");
        ProcessCpu cpu = new ProcessCpu(
                options.longValue("pid", -1),
                options.has("pg-data") ? Path.of(options.get("pg-data"), "postmaster.pid") : null,
                options.intValue("clk-tck", 100));

        Map<Variant, Long> expectedBytes = AnswerValidation.validate(port, options, export);

        // warm-up, not measured: the JIT, the connection pool and pgjdbc's server-side prepared statements
        try (BenchClient client = new BenchClient(port, options, export)) {
            for (int i = 0; i < warmup; i++) {
                for (Variant variant : variants) {
                    client.run(variant, expectedBytes);
                }
            }
        }

        // one client: rounds of perRound runs of each variant in turn, so that drift hits every variant alike
        Map<Variant, List<Long>> latencies = new LinkedHashMap<>();
        Map<Variant, long[]> cpuTicks = new LinkedHashMap<>();
        Map<Variant, Long> bytes = new LinkedHashMap<>();
        for (Variant variant : variants) {
            latencies.put(variant, new ArrayList<>());
            cpuTicks.put(variant, new long[2]);
        }
        try (BenchClient client = new BenchClient(port, options, export)) {
            for (int round = 0; round < rounds; round++) {
                for (Variant variant : variants) {
                    long[] before = cpu.ticks();
                    for (int i = 0; i < perRound; i++) {
                        long start = System.nanoTime();
                        long got = client.run(variant, expectedBytes);
                        latencies.get(variant).add(System.nanoTime() - start);
                        bytes.put(variant, got);
                    }
                    long[] after = cpu.ticks();
                    cpuTicks.get(variant)[0] += after[0] - before[0];
                    cpuTicks.get(variant)[1] += after[1] - before[1];
                }
            }
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "### One client%s: %,d rows per export, %d runs of each (%d rounds of %d, interleaved)%n%n",
                title,
                rows,
                rounds * perRound,
                rounds,
                perRound);
        System.out.println(
                "| variant | median ms | p50 ms | p99 ms | min–max ms | rows/s (median) | MB/s (median) | bytes | service JVM CPU ms/export | PostgreSQL CPU ms/export |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<Variant, Double> medians = new LinkedHashMap<>();
        for (Variant variant : variants) {
            Stats s = Stats.of(latencies.get(variant));
            medians.put(variant, s.median);
            long n = latencies.get(variant).size();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f | %.1f–%.1f | %,.0f | %.1f | %,d | %s | %s |%n",
                    variant.label,
                    s.median,
                    s.p50,
                    s.p99,
                    s.min,
                    s.max,
                    rows / (s.median / 1000),
                    bytes.get(variant) / 1e6 / (s.median / 1000),
                    bytes.get(variant),
                    cpu.perExport(cpuTicks.get(variant)[0], n),
                    cpu.postgresPerExport(cpuTicks.get(variant)[1], n));
        }
        System.out.println();
        ratio("RATIO csv  service/COPY (medians, 1 client)", medians, Variant.HTTP_CSV, Variant.COPY_CSV, null);
        ratio("RATIO json service/COPY (medians, 1 client)", medians, Variant.HTTP_JSON, Variant.COPY_JSON, null);
        ratio("RATIO ndjson/json (medians, 1 client)", medians, Variant.HTTP_NDJSON, Variant.HTTP_JSON, bytes);
        ratio("RATIO xlsx/csv (medians, 1 client)", medians, Variant.HTTP_XLSX, Variant.HTTP_CSV, bytes);
        ratio(
                "RATIO xlsx/csv a call per type (medians, 1 client)",
                medians,
                Variant.HTTP_XLSX,
                Variant.HTTP_CSV_EACH,
                bytes);
        ratio("RATIO xlsx/json (medians, 1 client)", medians, Variant.HTTP_XLSX, Variant.HTTP_JSON, bytes);
        ratio("RATIO csv  gzip/identity (medians)", medians, Variant.HTTP_CSV_GZIP, Variant.HTTP_CSV, bytes);
        ratio("RATIO json gzip/identity (medians)", medians, Variant.HTTP_JSON_GZIP, Variant.HTTP_JSON, bytes);

        // N concurrent clients, one variant at a time
        if (clients > 0) {
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "### %d concurrent clients%s, %d exports each (%,d rows per export)%n%n",
                    clients,
                    title,
                    perClient,
                    BenchExport.ROWS);
            System.out.println(
                    "| variant | wall s | rows/s | MB/s | p50 ms | p99 ms | max ms | service JVM CPU ms/export | PostgreSQL CPU ms/export |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            Map<Variant, Double> rates = new LinkedHashMap<>();
            for (Variant variant : variants) {
                ConcurrentRun result =
                        ConcurrentRun.measure(port, options, export, variant, clients, perClient, expectedBytes, cpu);
                Stats s = Stats.of(result.latencies());
                long n = (long) clients * perClient;
                double rowsPerSecond = n * BenchExport.ROWS / result.wallSeconds();
                rates.put(variant, rowsPerSecond);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.2f | %,.0f | %.1f | %.1f | %.1f | %.1f | %s | %s |%n",
                        variant.label,
                        result.wallSeconds(),
                        rowsPerSecond,
                        result.bytes() / 1e6 / result.wallSeconds(),
                        s.p50,
                        s.p99,
                        s.max,
                        cpu.perExport(result.cpu()[0], n),
                        cpu.postgresPerExport(result.cpu()[1], n));
            }
            System.out.println();
            ratio(
                    "RATIO csv  COPY/service throughput (" + clients + " clients)",
                    rates,
                    Variant.COPY_CSV,
                    Variant.HTTP_CSV,
                    null);
            ratio(
                    "RATIO json COPY/service throughput (" + clients + " clients)",
                    rates,
                    Variant.COPY_JSON,
                    Variant.HTTP_JSON,
                    null);
        }
    }

    /** Prints {@code a / b} when both were measured (and, given bytes, the ratio of their sizes). */
    private static void ratio(
            String label, Map<Variant, Double> values, Variant a, Variant b, Map<Variant, Long> bytes) {
        if (values.containsKey(a) && values.containsKey(b)) {
            String size = bytes == null
                    ? ""
                    : String.format(Locale.ROOT, ", bytes %.3f", (double) bytes.get(a) / bytes.get(b));
            System.out.printf(Locale.ROOT, "%s: %.2f%s%n", label, values.get(a) / values.get(b), size);
        }
    }
}
