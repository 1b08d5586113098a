package com.helpdesk.export.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code concurrent}: N clients each running three-resource JSON exports at once, counting errors and sampling the
 * service's resident memory; a Markdown table and a {@code RESULT concurrent} line.
 */
final class ConcurrentMode {

    private ConcurrentMode() {}

    static void run(BenchOptions options) throws Exception {
        int port = options.intValue("port");
        int clients = options.intValue("clients", 16);
        int perClient = options.intValue("per-client", 3);
        long pid = options.longValue("pid", -1);
        byte[] body = BenchExport.threeResourcesBody("json");
        if (options.has("jdbc")) {
            DemoTopUp.topUp(
                    options.get("jdbc"), options.get("db-user", "postgres"), options.get("db-password", "postgres"));
        }

        // one answer in full: three resources, every record
        long expected;
        int expectedRows;
        try (MiniHttp http = new MiniHttp(BenchExport.HOST, port)) {
            MiniHttp.Response response = http.post(BenchExport.PATH, BenchExport.headers(false), body, true);
            if (response.status() != 200 || !response.complete()) {
                throw new IllegalStateException("three-resource export: status " + response.status());
            }
            JsonNode data = new ObjectMapper().readTree(response.body()).path("data");
            expectedRows = data.path("totalRows").asInt();
            int records = 0;
            for (JsonNode resource : data.path("resources")) {
                records += resource.size();
            }
            if (records != expectedRows) {
                throw new IllegalStateException("totalRows " + expectedRows + " but " + records + " records");
            }
            expected = response.bodyBytes();
            System.out.printf(
                    Locale.ROOT, "checked three-resource JSON export: %,d records, %,d bytes%n", records, expected);
        }

        RssSampler rss = new RssSampler(pid);
        long rssBefore = rss.current();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(clients);
        List<Thread> threads = new ArrayList<>();
        rss.start();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(
                    () -> {
                        try (MiniHttp http = new MiniHttp(BenchExport.HOST, port)) {
                            start.await();
                            for (int i = 0; i < perClient; i++) {
                                long t = System.nanoTime();
                                try {
                                    MiniHttp.Response response =
                                            http.post(BenchExport.PATH, BenchExport.headers(false), body, false);
                                    if (response.status() == 200
                                            && response.complete()
                                            && response.bodyBytes() == expected) {
                                        ok.incrementAndGet();
                                        latencies.add(System.nanoTime() - t);
                                    } else {
                                        errors.incrementAndGet();
                                        errorSamples.add("status " + response.status() + ", complete "
                                                + response.complete() + ", " + response.bodyBytes() + " bytes");
                                    }
                                } catch (IOException e) {
                                    errors.incrementAndGet();
                                    errorSamples.add(e.toString());
                                    http.close();
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            errorSamples.add(e.toString());
                        }
                    },
                    "client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        rss.stop();
        Stats s = latencies.isEmpty() ? null : Stats.of(latencies);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "### %d concurrent clients, %d three-resource JSON exports each (%,d rows per export)%n%n",
                clients,
                perClient,
                expectedRows);
        System.out.println(
                "| exports ok | errors | wall s | rows/s | p50 ms | p99 ms | RSS before MB | peak RSS during run MB (sampled every 20 ms) | VmHWM MB (process lifetime peak) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf(
                Locale.ROOT,
                "| %d | %d | %.2f | %,.0f | %s | %s | %.0f | %.0f | %.0f |%n",
                ok.get(),
                errors.get(),
                wall,
                ok.get() * (double) expectedRows / wall,
                s == null ? "-" : String.format(Locale.ROOT, "%.0f", s.p50),
                s == null ? "-" : String.format(Locale.ROOT, "%.0f", s.p99),
                rssBefore / 1024.0,
                rss.peakKb() / 1024.0,
                rss.hwmKb() / 1024.0);
        for (String sample : errorSamples.subList(0, Math.min(5, errorSamples.size()))) {
            System.out.println("error: " + sample);
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT, "RESULT concurrent errors=%d peak_rss_mb=%.0f%n", errors.get(), rss.peakKb() / 1024.0);
    }
}
