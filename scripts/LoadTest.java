import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator for the export service (single-file Java program, JDK 17, no dependency):
 * N clients, each with its own HTTP/1.1 connection, send export calls back to back for a fixed time, mixing small
 * exports and 10,000-row exports, JSON and CSV. Every answer is read to its last byte and checked for completeness
 * (a JSON document that closes, a CSV that ends its last line and has X-Total-Rows + 1 lines). Prints latency
 * percentiles (time to the last byte) per kind and overall, statuses, bytes and throughput.
 *
 * <pre>java scripts/LoadTest.java http://127.0.0.1:8080 32 60</pre>
 */
public class LoadTest {

    static final String DEMO_TEAM = "5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";
    static final String OTHER_TEAM = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    /** Keys with export_data, their team, and the rows a full tickets export gives them (10,000 or fewer). */
    static final String[][] KEYS = {
            {"sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1", DEMO_TEAM, "10000"},
            {"sk_live_ADMNdemo8Kd2Lf6Mg1Nh5Pj9Qk3Rl7Sm4", DEMO_TEAM, "10000"},
            {"sk_live_MNGRdemo2Hd6Jf9Kg3Lp7Qw1Er5Ty8Ui4", DEMO_TEAM, "10000"},
            {"sk_test_ADMNdemo3Rf6Hj1Mp8Wq2Xs5Ty9Ub4Vc7", DEMO_TEAM, "3000"},
    };

    /** One kind of call: its share of the mix and its body. */
    record Kind(String name, int weight, String body, boolean big, boolean csv) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("small-json", 30, "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\",\"title\",\"status\"]},"
                    + "{\"type\":\"customers\",\"filters\":{\"status\":\"active\",\"createdAfter\":\"2025-06-01T00:00:00Z\"}}]}",
                    false, false),
            new Kind("small-csv", 20, "{\"resources\":[{\"type\":\"customers\",\"filters\":{\"sentiment\":\"negative\","
                    + "\"createdAfter\":\"2025-03-01T00:00:00Z\"}}],\"format\":\"csv\"}", false, true),
            new Kind("10k-json", 25, "{\"resources\":[{\"type\":\"tickets\"}]}", true, false),
            new Kind("10k-csv", 25, "{\"resources\":[{\"type\":\"tickets\"}],\"format\":\"csv\"}", true, true));

    static final Map<String, List<Long>> LATENCIES = new ConcurrentHashMap<>();
    /** Time to the response headers: authentication, rate limit, waiting for a pooled connection, summaries. */
    static final List<Long> FIRST_BYTE = Collections.synchronizedList(new ArrayList<>());
    static final Map<String, AtomicLong> STATUSES = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> PROBLEMS = new ConcurrentHashMap<>();
    static final AtomicLong BYTES = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        for (Kind kind : KINDS) {
            LATENCIES.put(kind.name(), Collections.synchronizedList(new ArrayList<>()));
        }
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    run(base, client, deadline);
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        report(clients, elapsed);
    }

    static void run(String base, int client, long deadline) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Random random = new Random(20261127L + client);
        int total = KINDS.stream().mapToInt(Kind::weight).sum();
        while (System.nanoTime() < deadline) {
            int pick = random.nextInt(total);
            Kind kind = null;
            for (Kind k : KINDS) {
                pick -= k.weight();
                if (pick < 0) {
                    kind = k;
                    break;
                }
            }
            String[] key = KEYS[random.nextInt(KEYS.length)];
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/teams/" + key[1] + "/export"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + key[0]).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(kind.body())).build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                FIRST_BYTE.add((System.nanoTime() - t0) / 1_000);
                byte[] body;
                try (InputStream in = response.body()) {
                    body = in.readAllBytes();
                }
                long micros = (System.nanoTime() - t0) / 1_000;
                BYTES.addAndGet(body.length);
                STATUSES.computeIfAbsent(Integer.toString(response.statusCode()), s -> new AtomicLong()).incrementAndGet();
                if (response.statusCode() == 200) {
                    check(kind, key[2], response, body);
                    LATENCIES.get(kind.name()).add(micros);
                } else {
                    problem(kind.name() + " status " + response.statusCode() + ": "
                            + new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                problem(kind.name() + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void check(Kind kind, String bigRows, HttpResponse<?> response, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (kind.csv()) {
            long lines = 0;
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == '\n' && !quoted) {
                    lines++;
                }
            }
            long expected = Long.parseLong(response.headers().firstValue("X-Total-Rows").orElse("-1")) + 1;
            if (!text.endsWith("\r\n") || lines != expected
                    || (kind.big() && expected != Long.parseLong(bigRows) + 1)) {
                problem(kind.name() + " incomplete CSV: " + lines + " lines, expected " + expected);
            }
        } else {
            String trimmed = text.trim();
            if (!trimmed.startsWith("{\"success\":true") || !trimmed.endsWith("}}")
                    || (kind.big() && !text.contains("\"totalRows\":" + bigRows + ","))) {
                problem(kind.name() + " incomplete JSON (" + body.length + " bytes)");
            }
        }
    }

    static void problem(String what) {
        PROBLEMS.computeIfAbsent(what.length() > 200 ? what.substring(0, 200) : what, k -> new AtomicLong())
                .incrementAndGet();
    }

    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static void report(int clients, double elapsed) {
        List<Long> all = new ArrayList<>();
        System.out.printf(Locale.ROOT, "clients=%d duration_s=%.1f%n", clients, elapsed);
        System.out.printf(Locale.ROOT, "%-11s %7s %9s %9s %9s %9s%n", "kind", "ok", "p50_ms", "p90_ms", "p99_ms",
                "max_ms");
        for (Kind kind : KINDS) {
            List<Long> list = new ArrayList<>(LATENCIES.get(kind.name()));
            Collections.sort(list);
            all.addAll(list);
            System.out.printf(Locale.ROOT, "%-11s %7d %9.1f %9.1f %9.1f %9.1f%n", kind.name(), list.size(),
                    percentile(list, 50) / 1e3, percentile(list, 90) / 1e3, percentile(list, 99) / 1e3,
                    list.isEmpty() ? 0 : list.get(list.size() - 1) / 1e3);
        }
        Collections.sort(all);
        System.out.printf(Locale.ROOT, "%-11s %7d %9.1f %9.1f %9.1f %9.1f%n", "all", all.size(),
                percentile(all, 50) / 1e3, percentile(all, 90) / 1e3, percentile(all, 99) / 1e3,
                all.isEmpty() ? 0 : all.get(all.size() - 1) / 1e3);
        List<Long> first = new ArrayList<>(FIRST_BYTE);
        Collections.sort(first);
        System.out.printf(Locale.ROOT, "%-11s %7d %9.1f %9.1f %9.1f %9.1f%n", "first-byte", first.size(),
                percentile(first, 50) / 1e3, percentile(first, 90) / 1e3, percentile(first, 99) / 1e3,
                first.isEmpty() ? 0 : first.get(first.size() - 1) / 1e3);
        System.out.printf(Locale.ROOT, "throughput_req_per_s=%.1f throughput_MiB_per_s=%.1f bytes=%d%n",
                all.size() / elapsed, BYTES.get() / elapsed / 1048576.0, BYTES.get());
        System.out.println("statuses=" + new TreeMap<>(STATUSES));
        long fiveHundreds = STATUSES.entrySet().stream().filter(e -> e.getKey().startsWith("5"))
                .mapToLong(e -> e.getValue().get()).sum();
        System.out.println("status_5xx=" + fiveHundreds);
        System.out.println("problems=" + (PROBLEMS.isEmpty() ? "none" : new TreeMap<>(PROBLEMS)));
    }
}
