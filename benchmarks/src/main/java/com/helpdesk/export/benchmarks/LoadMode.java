package com.helpdesk.export.benchmarks;

import java.util.Locale;
import java.util.Map;

/**
 * {@code load}: plain load for profiling, {@code --variant HTTP_CSV --clients 1 --per-client 200}; one line with the
 * count, the wall time, the median and the p99.
 */
final class LoadMode {

    private LoadMode() {}

    static void run(BenchOptions options) throws Exception {
        BenchExport export = new BenchExport(options.get("type", "tickets"), BenchExport.ROWS);
        int port = options.intValue("port");
        Variant variant = Variant.valueOf(options.get("variant", "HTTP_CSV"));
        ConcurrentRun result = ConcurrentRun.measure(
                port,
                options,
                export,
                variant,
                options.intValue("clients", 1),
                options.intValue("per-client", 100),
                Map.of(),
                new ProcessCpu(-1, null, 100));
        Stats s = Stats.of(result.latencies());
        System.out.printf(
                Locale.ROOT,
                "%s: %d exports in %.2f s, median %.1f ms, p99 %.1f ms%n",
                variant.label,
                result.latencies().size(),
                result.wallSeconds(),
                s.median,
                s.p99);
    }
}
