package com.helpdesk.export.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N clients running one variant at once, each over connections it opened before the clock started: every latency,
 * the wall time from the common start to the last end, the bytes received, and the CPU of the service and its
 * PostgreSQL meanwhile.
 *
 * @param latencies one per run, in nanoseconds
 * @param cpu {jvm, postgres} clock ticks, as {@link ProcessCpu#ticks()} counts them
 */
record ConcurrentRun(List<Long> latencies, double wallSeconds, long bytes, long[] cpu) {

    ConcurrentRun {
        Objects.requireNonNull(latencies, "latencies");
        Objects.requireNonNull(cpu, "cpu");
    }

    /** Runs {@code perClient} exports on each of {@code clients} threads; throws when any client failed. */
    static ConcurrentRun measure(
            int port,
            BenchOptions options,
            BenchExport export,
            Variant variant,
            int clients,
            int perClient,
            Map<Variant, Long> expectedBytes,
            ProcessCpu cpu)
            throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong bytes = new AtomicLong();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(clients + 1);
        CyclicBarrier end = new CyclicBarrier(clients + 1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(
                    () -> {
                        try (BenchClient client = new BenchClient(port, options, export)) {
                            client.run(variant, expectedBytes); // opens the connections before the clock starts
                            start.await();
                            for (int i = 0; i < perClient; i++) {
                                long t = System.nanoTime();
                                bytes.addAndGet(client.run(variant, expectedBytes));
                                latencies.add(System.nanoTime() - t);
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        } finally {
                            try {
                                end.await(10, TimeUnit.MINUTES);
                            } catch (Exception ignored) {
                                // reported through failures
                            }
                        }
                    },
                    "client-" + c);
            threads.add(thread);
            thread.start();
        }
        start.await(5, TimeUnit.MINUTES);
        long[] before = cpu.ticks();
        long t0 = System.nanoTime();
        end.await(10, TimeUnit.MINUTES);
        double wall = (System.nanoTime() - t0) / 1e9;
        long[] after = cpu.ticks();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(
                    variant.label + ": " + failures.size() + " clients failed", failures.get(0));
        }
        return new ConcurrentRun(latencies, wall, bytes.get(), new long[] {after[0] - before[0], after[1] - before[1]});
    }
}
