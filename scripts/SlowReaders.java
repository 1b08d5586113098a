import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slow clients of one team do not take the service from another, seen from outside (single-file Java program,
 * JDK 17, no dependency): slow readers of one team (each reads 1 KiB every 0.3 s through a 4 KiB receive buffer),
 * readers that stop reading after the headers, and, meanwhile, another team exporting small documents back to back,
 * whose latencies and errors are printed.
 *
 * <pre>java scripts/SlowReaders.java http://127.0.0.1:8080 24 5 30</pre>
 */
public class SlowReaders {

    static final String DEMO_TEAM = "5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";
    static final String OTHER_TEAM = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    static final String[] DEMO_KEYS = {"sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1", "sk_live_ADMNdemo8Kd2Lf6Mg1Nh5Pj9Qk3Rl7Sm4",
            "sk_live_MNGRdemo2Hd6Jf9Kg3Lp7Qw1Er5Ty8Ui4", "sk_test_ADMNdemo3Rf6Hj1Mp8Wq2Xs5Ty9Ub4Vc7"};
    static final String OTHER_KEY = "sk_live_OTHRdemo1Kj5Hg9Fd3Sa7Lq2Wp6Eo8Ri4";
    static final String BIG = "{\"resources\":[{\"type\":\"tickets\"},{\"type\":\"customers\"}]}";
    static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\",\"title\"]}]}";

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int slow = Integer.parseInt(args[1]);
        int stopped = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger slowStarted = new AtomicInteger();
        AtomicLong slowBytes = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<String> heads = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < slow + stopped; i++) {
            boolean reads = i < slow;
            String key = DEMO_KEYS[i % DEMO_KEYS.length];
            Thread t = new Thread(() -> {
                try (Socket socket = new Socket()) {
                    socket.setReceiveBufferSize(4096);
                    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                    socket.setSoTimeout(120_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /api/v1/teams/" + DEMO_TEAM + "/export HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                            + key + "\r\nContent-Type: application/json\r\nContent-Length: " + BIG.length() + "\r\n\r\n"
                            + BIG).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = socket.getInputStream();
                    StringBuilder status = new StringBuilder();
                    int b;
                    while ((b = in.read()) >= 0 && b != '\n') {
                        status.append((char) b);
                    }
                    heads.add(status.toString().trim());
                    slowStarted.incrementAndGet();
                    byte[] chunk = new byte[1024];
                    while (System.nanoTime() < end) {
                        if (reads) {
                            int n = in.read(chunk);
                            if (n < 0) {
                                break;
                            }
                            slowBytes.addAndGet(n);
                        }
                        Thread.sleep(300);
                    }
                } catch (Exception e) {
                    heads.add("failed: " + e);
                }
            });
            t.start();
            threads.add(t);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> latencies = new ArrayList<>();
        int errors = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/teams/" + OTHER_TEAM
                            + "/export")).header("Authorization", "Bearer " + OTHER_KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(SMALL)).build(),
                    HttpResponse.BodyHandlers.ofString());
            latencies.add((System.nanoTime() - start) / 1_000);
            if (response.statusCode() != 200) {
                errors++;
                System.out.println("other team: " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(200);
        }
        for (Thread t : threads) {
            t.join(5_000);
        }
        Collections.sort(latencies);
        long statuses200 = heads.stream().filter(h -> h.startsWith("HTTP/1.1 200")).count();
        System.out.printf(Locale.ROOT, "slow readers: %d, stopped readers: %d, answered 200: %d of %d; "
                + "bytes read by the slow ones: %d%n", slow, stopped, statuses200, heads.size(), slowBytes.get());
        System.out.printf(Locale.ROOT, "other team, small exports during the run: %d calls, %d errors, p50 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", latencies.size(), errors, pct(latencies, 50) / 1000.0,
                pct(latencies, 99) / 1000.0, latencies.get(latencies.size() - 1) / 1000.0);
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
