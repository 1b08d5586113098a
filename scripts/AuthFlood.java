import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid calls while one address floods the service with bad keys (single-file Java program, JDK 17, no dependency).
 *
 * <p>Valid callers, from 127.0.0.1: {@code validClients} threads, each sending a small export (300 articles, three
 * fields) at a fixed pace of {@code perClientRate} calls a second with one of the demo team's keys; latency is the
 * time to the last byte, counted from the moment the call was due (so that a call that had to wait for the one
 * before it is not left out of the figures). The flood, from {@code floodAddress} (another loopback address; the
 * service counts failures by the peer address): {@code floodConnections} keep-alive connections sending
 * {@code floodCalls} calls with keys that fail verification, back to back: every key a new random one ({@code
 * random}, a guesser's), or one key again and again ({@code same}, a client left with a revoked key).
 *
 * <p>Phases: 15 s of warm-up (not reported), {@code baselineSeconds} of valid calls alone, valid calls for as long as
 * the flood lasts, then {@code baselineSeconds} of valid calls alone again. Prints each phase's percentiles and
 * statuses, the flood's statuses and rate, and the p99 of the flood phase against that of the two quiet phases
 * together. With {@code -Dservice.pid} and {@code -Ddatabase.pid} (the postmaster), also the CPU time the
 * service and the database (with its backends) used during the flood phase.
 *
 * <pre>java scripts/AuthFlood.java http://127.0.0.1:8080 4 5 10000 16 20 random 127.0.0.2</pre>
 */
public class AuthFlood {

    static final String DEMO_TEAM = "5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";
    static final String[] KEYS = {
        "sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1",
        "sk_live_ADMNdemo8Kd2Lf6Mg1Nh5Pj9Qk3Rl7Sm4",
        "sk_live_MNGRdemo2Hd6Jf9Kg3Lp7Qw1Er5Ty8Ui4",
        "sk_test_ADMNdemo3Rf6Hj1Mp8Wq2Xs5Ty9Ub4Vc7"
    };
    static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\",\"title\",\"status\"]}]}";
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** What one phase of valid calls saw. */
    static final class Phase {
        final String name;
        final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();

        Phase(String name) {
            this.name = name;
        }
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int validClients = Integer.parseInt(args[1]);
        double perClientRate = Double.parseDouble(args[2]);
        int floodCalls = Integer.parseInt(args[3]);
        int floodConnections = Integer.parseInt(args[4]);
        int baselineSeconds = Integer.parseInt(args[5]);
        boolean sameKey = args.length > 6 && args[6].equals("same");
        String floodAddress = args.length > 7 ? args[7] : "127.0.0.2";

        System.out.printf(Locale.ROOT,
                "valid: %d clients x %.1f calls/s from 127.0.0.1; flood: %d calls on %d connections from %s, %s keys%n",
                validClients, perClientRate, floodCalls, floodConnections, floodAddress, sameKey ? "one bad" : "random bad");

        runValid(base, validClients, perClientRate, new Phase("warm-up"), timed(15));
        Phase before = new Phase("quiet before");
        runValid(base, validClients, perClientRate, before, timed(baselineSeconds));

        Phase during = new Phase("during flood");
        AtomicBoolean floodDone = new AtomicBoolean();
        Map<String, AtomicLong> floodStatuses = new ConcurrentHashMap<>();
        long[] floodNanos = new long[1];
        long[] cpuBefore = {cpuTicks("service.pid", false), cpuTicks("database.pid", true)};
        long[] cpuAfter = new long[2];
        Thread flood = new Thread(() -> {
            long start = System.nanoTime();
            try {
                flood(base, floodAddress, floodCalls, floodConnections, sameKey, floodStatuses);
            } finally {
                floodNanos[0] = System.nanoTime() - start;
                cpuAfter[0] = cpuTicks("service.pid", false);
                cpuAfter[1] = cpuTicks("database.pid", true);
                floodDone.set(true);
            }
        }, "flood");
        flood.start();
        runValid(base, validClients, perClientRate, during, floodDone::get);
        flood.join();

        Phase after = new Phase("quiet after");
        runValid(base, validClients, perClientRate, after, timed(baselineSeconds));

        System.out.printf(Locale.ROOT, "%-13s %6s %8s %8s %8s %8s  %s%n", "phase", "calls", "p50_ms", "p90_ms",
                "p99_ms", "max_ms", "statuses");
        for (Phase phase : List.of(before, during, after)) {
            print(phase.name, sorted(phase.micros), phase.statuses);
        }
        List<Long> quiet = new ArrayList<>(before.micros);
        quiet.addAll(after.micros);
        quiet = sorted(quiet);
        Map<String, AtomicLong> quietStatuses = new TreeMap<>(before.statuses);
        after.statuses.forEach((k, v) -> quietStatuses.merge(k, v, (a, b) -> new AtomicLong(a.get() + b.get())));
        print("quiet (both)", quiet, quietStatuses);
        double seconds = floodNanos[0] / 1e9;
        long floodTotal = floodStatuses.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf(Locale.ROOT, "flood: %d answers in %.1f s (%.0f/s), statuses %s%n", floodTotal, seconds,
                floodTotal / seconds, new TreeMap<>(floodStatuses));
        if (cpuBefore[0] >= 0 && cpuAfter[0] >= 0) {
            // clock ticks of 10 ms (USER_HZ 100); the valid calls of the flood phase are in these figures too
            System.out.printf(Locale.ROOT,
                    "CPU during the flood phase: service %.2f s, database %.2f s (%.0f us and %.0f us per flood call)%n",
                    (cpuAfter[0] - cpuBefore[0]) / 100.0, (cpuAfter[1] - cpuBefore[1]) / 100.0,
                    (cpuAfter[0] - cpuBefore[0]) * 10_000.0 / floodTotal,
                    (cpuAfter[1] - cpuBefore[1]) * 10_000.0 / floodTotal);
        }
        double p99Quiet = percentile(quiet, 99) / 1e3;
        double p99Flood = percentile(sorted(during.micros), 99) / 1e3;
        System.out.printf(Locale.ROOT, "p99 of valid calls: %.1f ms quiet, %.1f ms during the flood: %+.0f %%%n",
                p99Quiet, p99Flood, (p99Flood / p99Quiet - 1) * 100);
    }

    /**
     * CPU time (user and system, in clock ticks) of the process whose id the system property names, with every process
     * it started if {@code withChildren} (the database's backends; the service's JVM starts the embedded database,
     * which is left out of its figure); -1 without the property.
     */
    static long cpuTicks(String property, boolean withChildren) {
        String pid = System.getProperty(property);
        if (pid == null) {
            return -1;
        }
        ProcessHandle root = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
        if (root == null) {
            return -1;
        }
        long ticks = 0;
        for (ProcessHandle process : withChildren
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants()).toList()
                : List.of(root)) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + process.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException gone) {
                // a process that ended meanwhile
            }
        }
        return ticks;
    }

    interface Until {
        boolean over();
    }

    static Until timed(int seconds) {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        return () -> System.nanoTime() >= end;
    }

    static void runValid(URI base, int clients, double perClientRate, Phase phase, Until until)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long interval = (long) (1e9 / perClientRate);
        for (int c = 0; c < clients; c++) {
            String key = KEYS[c % KEYS.length];
            long offset = interval * c / clients;
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
                HttpRequest request = HttpRequest.newBuilder(
                                base.resolve("/api/v1/teams/" + DEMO_TEAM + "/export"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(SMALL))
                        .build();
                long due = System.nanoTime() + offset;
                while (!until.over()) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    String status;
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        status = Integer.toString(response.statusCode());
                        if (response.statusCode() == 200) {
                            String body = new String(response.body(), StandardCharsets.UTF_8);
                            if (!body.startsWith("{\"success\":true") || !body.trim().endsWith("}}")) {
                                status = "200-incomplete";
                            }
                        }
                    } catch (IOException e) {
                        status = e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                        return;
                    }
                    phase.micros.add((System.nanoTime() - due) / 1_000);
                    phase.statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    due += interval;
                }
            }, "valid-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    static void flood(URI base, String from, int calls, int connections, boolean sameKey,
            Map<String, AtomicLong> statuses) {
        AtomicInteger left = new AtomicInteger(calls);
        String oneKey = randomKey(new SecureRandom());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(() -> {
                SecureRandom random = new SecureRandom();
                Socket socket = null;
                InputStream in = null;
                try {
                    while (left.getAndDecrement() > 0) {
                        String key = sameKey ? oneKey : randomKey(random);
                        byte[] request = ("POST /api/v1/teams/" + DEMO_TEAM + "/export HTTP/1.1\r\nHost: "
                                + base.getHost() + "\r\nAuthorization: Bearer " + key
                                + "\r\nContent-Type: application/json\r\nContent-Length: " + SMALL.length() + "\r\n\r\n"
                                + SMALL).getBytes(StandardCharsets.US_ASCII);
                        String status;
                        try {
                            if (socket == null) {
                                socket = new Socket();
                                socket.bind(new InetSocketAddress(from, 0));
                                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
                                socket.setSoTimeout(60_000);
                                in = new BufferedInputStream(socket.getInputStream());
                            }
                            OutputStream out = socket.getOutputStream();
                            out.write(request);
                            out.flush();
                            Answer answer = read(in);
                            status = Integer.toString(answer.status);
                            if (answer.close) {
                                socket.close();
                                socket = null;
                            }
                        } catch (IOException e) {
                            status = e.getClass().getSimpleName();
                            if (socket != null) {
                                try {
                                    socket.close();
                                } catch (IOException ignored) {
                                    // already broken
                                }
                            }
                            socket = null;
                        }
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    }
                } finally {
                    if (socket != null) {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // done anyway
                        }
                    }
                }
            }, "flood-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    record Answer(int status, boolean close) {}

    /** Reads one HTTP/1.1 answer whole (Content-Length or chunked) from a kept-alive connection. */
    static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            while (true) {
                long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                skip(in, size);
                line(in);
                if (size == 0) {
                    break;
                }
            }
        } else if (length >= 0) {
            skip(in, length);
        } else {
            in.readAllBytes();
            close = true;
        }
        return new Answer(status, close);
    }

    static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("body cut short");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    static String randomKey(SecureRandom random) {
        StringBuilder key = new StringBuilder("sk_live_");
        for (int i = 0; i < 28; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    static List<Long> sorted(List<Long> values) {
        List<Long> copy;
        synchronized (values) {
            copy = new ArrayList<>(values);
        }
        Collections.sort(copy);
        return copy;
    }

    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static void print(String name, List<Long> sorted, Map<String, AtomicLong> statuses) {
        System.out.printf(Locale.ROOT, "%-13s %6d %8.1f %8.1f %8.1f %8.1f  %s%n", name, sorted.size(),
                percentile(sorted, 50) / 1e3, percentile(sorted, 90) / 1e3, percentile(sorted, 99) / 1e3,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e3, new TreeMap<>(statuses));
    }
}
