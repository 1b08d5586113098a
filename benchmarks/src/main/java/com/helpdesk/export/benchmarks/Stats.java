package com.helpdesk.export.benchmarks;

import java.util.List;

/** Nearest-rank percentiles of latencies given in nanoseconds, answered in milliseconds. */
final class Stats {
    final double median;
    final double p50;
    final double p99;
    final double min;
    final double max;

    private Stats(double median, double p50, double p99, double min, double max) {
        this.median = median;
        this.p50 = p50;
        this.p99 = p99;
        this.min = min;
        this.max = max;
    }

    static Stats of(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return new Stats(
                median / 1e6, rank(sorted, 0.50) / 1e6, rank(sorted, 0.99) / 1e6, sorted[0] / 1e6, sorted[n - 1] / 1e6);
    }

    private static double rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
