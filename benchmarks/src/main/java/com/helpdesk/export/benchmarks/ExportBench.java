package com.helpdesk.export.benchmarks;

import java.util.Arrays;

/**
 * The end-to-end side of the benchmark, run by scripts/benchmark.sh against a started service:
 * {@code ExportBench MODE [--name value]… [-- command…]}, one mode a run:
 *
 * <ul>
 *   <li>{@code compare} ({@link CompareMode}): the HTTP export of 10,000 tickets (CSV, JSON, each also with
 *   {@code Accept-Encoding: gzip}) against PostgreSQL's own {@code COPY} of the same rows, with 1 client (rounds
 *   interleaved) and with N concurrent clients; latencies, throughput, and the CPU the service's JVM and its
 *   PostgreSQL spent per export;</li>
 *   <li>{@code concurrent} ({@link ConcurrentMode}): N clients each running three-resource JSON exports at once,
 *   counting errors and sampling the service's resident memory;</li>
 *   <li>{@code startup} ({@link StartupMode}): starts the service command given after {@code --} several times and
 *   measures the time from process start to the first complete export;</li>
 *   <li>{@code load} ({@link LoadMode}): plain load, for profiling.</li>
 * </ul>
 *
 * Figures are printed as Markdown tables. Only 127.0.0.1 is contacted.
 */
public final class ExportBench {

    private ExportBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ExportBench compare|concurrent|startup [--option value]… [-- command…]");
            System.exit(2);
        }
        BenchOptions options = BenchOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "compare" -> CompareMode.run(options);
            case "concurrent" -> ConcurrentMode.run(options);
            case "startup" -> StartupMode.run(options);
            case "load" -> LoadMode.run(options);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }
}
