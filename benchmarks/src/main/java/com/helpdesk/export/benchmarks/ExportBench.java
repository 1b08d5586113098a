package com.helpdesk.export.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The end-to-end side of the benchmark, run by scripts/benchmark.sh against a started service:
 *
 * <ul>
 *   <li>{@code compare}: the HTTP export of 10,000 tickets (CSV, JSON, each also with {@code Accept-Encoding: gzip})
 *   against PostgreSQL's own {@code COPY} of the same rows, with 1 client (rounds interleaved) and with N concurrent
 *   clients; latencies, throughput, and the CPU the service's JVM and its PostgreSQL spent per export;</li>
 *   <li>{@code concurrent}: N clients each running three-resource JSON exports at once, counting errors and
 *   sampling the service's resident memory;</li>
 *   <li>{@code startup}: starts the service command given after {@code --} several times and measures the time
 *   from process start to the first complete export.</li>
 * </ul>
 *
 * Figures are printed as Markdown tables. Only 127.0.0.1 is contacted.
 */
public final class ExportBench {

    static final String TEAM = "5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";
    static final String KEY = "sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1";
    static final String PATH = "/api/v1/teams/" + TEAM + "/export";
    static final int ROWS = 10_000;
    /** What the compare phase exports: a type ({@code tickets}, {@code messages}, …) or {@code five} (JSON only). */
    static String resource = "tickets";
    /**
     * The rows the compare phase's export of one type holds: 10,000, or all the demo team's live rows of a type that
     * has fewer ({@code --rows}).
     */
    static int rows = ROWS;

    static boolean five() {
        return resource.equals("five");
    }

    static long copyFloor(CopyFloor copy, boolean csv) throws Exception {
        if (five()) {
            return copy.run(CopyFloor.FIVE.stream()
                    .map(t -> CopyFloor.jsonCopy(t, ROWS))
                    .toList());
        }
        return copy.run(csv ? CopyFloor.csvCopy(resource, ROWS) : CopyFloor.jsonCopy(resource, ROWS));
    }

    static final String HOST = "127.0.0.1";

    private ExportBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ExportBench compare|concurrent|startup [--option value]… [-- command…]");
            System.exit(2);
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "compare" -> compare(options);
            case "concurrent" -> concurrent(options);
            case "startup" -> startup(options);
            case "load" -> load(options);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ compare

    /** One way of getting the 10,000 rows. */
    enum Variant {
        COPY_CSV("COPY csv (floor)", null, false),
        HTTP_CSV("HTTP csv", "csv", false),
        COPY_JSON("COPY json (floor)", null, false),
        HTTP_JSON("HTTP json", "json", false),
        HTTP_CSV_GZIP("HTTP csv, gzip", "csv", true),
        HTTP_JSON_GZIP("HTTP json, gzip", "json", true);

        final String label;
        final String format;
        final boolean gzip;

        Variant(String label, String format, boolean gzip) {
            this.label = label;
            this.format = format;
            this.gzip = gzip;
        }

        boolean http() {
            return format != null;
        }
    }

    /** What a client needs to run any variant: one HTTP connection and one database connection of its own. */
    static final class Client implements AutoCloseable {
        final MiniHttp httpClient;
        final CopyFloor copy;

        Client(int port, Options options) throws Exception {
            httpClient = new MiniHttp(HOST, port);
            copy = new CopyFloor(
                    options.get("jdbc"), options.get("db-user", "postgres"), options.get("db-password", "postgres"));
        }

        /** Runs the variant once: bytes received; throws when the answer is not a complete, right export. */
        long run(Variant variant, Map<Variant, Long> expectedBytes) throws Exception {
            if (!variant.http()) {
                return copyFloor(copy, variant == Variant.COPY_CSV);
            }
            MiniHttp.Response response =
                    httpClient.post(PATH, headers(variant.gzip), body(variant.format, false), false);
            check(variant, response);
            Long expected = expectedBytes.get(variant);
            // identity answers are byte-for-byte the same size every time (request ids and timestamps have fixed
            // lengths); compressed ones vary by a few bytes with the request id
            long tolerance = variant.gzip ? Math.max(64, expected == null ? 0 : expected / 100) : 0;
            if (expected != null && Math.abs(expected - response.bodyBytes()) > tolerance) {
                throw new IllegalStateException(
                        variant.label + ": " + response.bodyBytes() + " bytes, the first answer had " + expected);
            }
            return response.bodyBytes();
        }

        @Override
        public void close() {
            httpClient.close();
            copy.close();
        }
    }

    static Map<String, String> headers(boolean gzip) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + KEY);
        headers.put("Content-Type", "application/json");
        if (gzip) {
            headers.put("Accept-Encoding", "gzip");
        }
        return headers;
    }

    static byte[] body(String format, boolean threeResources) {
        String resources = threeResources
                ? "[{\"type\":\"tickets\"},{\"type\":\"customers\"},{\"type\":\"articles\"}]"
                : five()
                        ? "[{\"type\":\"tickets\"},{\"type\":\"customers\"},{\"type\":\"articles\"},"
                                + "{\"type\":\"messages\"},{\"type\":\"members\"}]"
                        : "[{\"type\":\"" + resource + "\"}]";
        return ("{\"resources\":" + resources + ",\"format\":\"" + format + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static void check(Variant variant, MiniHttp.Response response) {
        if (response.status() != 200 || !response.complete()) {
            throw new IllegalStateException(
                    variant.label + ": status " + response.status() + ", complete " + response.complete());
        }
        String encoding = response.header("content-encoding");
        if (variant.gzip != "gzip".equalsIgnoreCase(encoding)) {
            throw new IllegalStateException(variant.label + ": Content-Encoding " + encoding);
        }
        if ("csv".equals(variant.format) && !String.valueOf(rows).equals(response.header("x-total-rows"))) {
            throw new IllegalStateException(variant.label + ": X-Total-Rows " + response.header("x-total-rows"));
        }
    }

    /** Reads one answer of each variant in full and checks its contents: 10,000 records, each complete. */
    static Map<Variant, Long> validate(int port, Options options) throws Exception {
        Map<Variant, Long> bytes = new LinkedHashMap<>();
        try (MiniHttp http = new MiniHttp(HOST, port);
                CopyFloor copy = new CopyFloor(
                        options.get("jdbc"),
                        options.get("db-user", "postgres"),
                        options.get("db-password", "postgres"))) {
            for (Variant variant : Variant.values()) {
                if (!variant.http() || (five() && "csv".equals(variant.format))) {
                    continue;
                }
                MiniHttp.Response response = http.post(PATH, headers(variant.gzip), body(variant.format, false), true);
                check(variant, response);
                byte[] payload = response.body();
                if (variant.gzip) {
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload))) {
                        payload = in.readAllBytes();
                    }
                }
                int records = "csv".equals(variant.format) ? csvRecords(payload) - 1 : jsonTickets(payload);
                if (records != rows) {
                    throw new IllegalStateException(variant.label + ": " + records + " records");
                }
                bytes.put(variant, response.bodyBytes());
                System.out.printf(
                        Locale.ROOT,
                        "checked %-16s %,d records, %,d bytes on the wire (%,d decoded)%n",
                        variant.label,
                        records,
                        response.bodyBytes(),
                        payload.length);
            }
            // the floor gives the same rows
            if (!five()) {
                System.out.printf(Locale.ROOT, "checked %-16s %,d bytes%n", "COPY csv", copyFloor(copy, true));
            }
            System.out.printf(Locale.ROOT, "checked %-16s %,d bytes%n", "COPY json", copyFloor(copy, false));
        }
        return bytes;
    }

    /** RFC 4180 records in a CSV body (CRLF outside quotes ends a record). */
    static int csvRecords(byte[] csv) {
        int records = 0;
        boolean quoted = false;
        for (int i = 0; i < csv.length; i++) {
            byte b = csv[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && b == '\n' && i > 0 && csv[i - 1] == '\r') {
                records++;
            }
        }
        return records;
    }

    static int jsonTickets(byte[] json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode data = root.path("data");
        int total = 0;
        for (JsonNode rows : data.path("resources")) {
            total += rows.size();
        }
        if (data.path("totalRows").asInt() != total) {
            throw new IllegalStateException("totalRows does not match the records");
        }
        // the five-resource export holds 10,000 of its first type, tickets
        return data.path("resources").path(five() ? "tickets" : resource).size();
    }

    static void compare(Options options) throws Exception {
        resource = options.get("type", "tickets");
        rows = options.intValue("rows", ROWS);
        int port = options.intValue("port");
        int rounds = options.intValue("rounds", 4);
        int perRound = options.intValue("per-round", 5);
        int warmup = options.intValue("warmup", 15);
        int clients = options.intValue("clients", 8);
        int perClient = options.intValue("per-client", 5);
        List<Variant> variants = new ArrayList<>();
        for (String name : options.get(
                        "variants",
                        five()
                                ? "COPY_JSON,HTTP_JSON"
                                : "COPY_CSV,HTTP_CSV,COPY_JSON,HTTP_JSON,HTTP_CSV_GZIP,HTTP_JSON_GZIP")
                .split(",")) {
            variants.add(Variant.valueOf(name.trim()));
        }
        String title = options.get("title", "");
        ProcessCpu cpu = new ProcessCpu(
                options.longValue("pid", -1),
                options.values.containsKey("pg-data") ? Path.of(options.get("pg-data"), "postmaster.pid") : null,
                options.intValue("clk-tck", 100));

        Map<Variant, Long> expectedBytes = validate(port, options);

        // warm-up, not measured: the JIT, the connection pool and pgjdbc's server-side prepared statements
        try (Client client = new Client(port, options)) {
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
        try (Client client = new Client(port, options)) {
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
                    ROWS);
            System.out.println(
                    "| variant | wall s | rows/s | MB/s | p50 ms | p99 ms | max ms | service JVM CPU ms/export | PostgreSQL CPU ms/export |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            Map<Variant, Double> rates = new LinkedHashMap<>();
            for (Variant variant : variants) {
                Concurrent result = concurrentRun(port, options, variant, clients, perClient, expectedBytes, cpu);
                Stats s = Stats.of(result.latencies);
                long n = (long) clients * perClient;
                double rowsPerSecond = n * ROWS / result.wallSeconds;
                rates.put(variant, rowsPerSecond);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.2f | %,.0f | %.1f | %.1f | %.1f | %.1f | %s | %s |%n",
                        variant.label,
                        result.wallSeconds,
                        rowsPerSecond,
                        result.bytes / 1e6 / result.wallSeconds,
                        s.p50,
                        s.p99,
                        s.max,
                        cpu.perExport(result.cpu[0], n),
                        cpu.postgresPerExport(result.cpu[1], n));
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

    record Concurrent(List<Long> latencies, double wallSeconds, long bytes, long[] cpu) {}

    static Concurrent concurrentRun(
            int port,
            Options options,
            Variant variant,
            int clients,
            int perClient,
            Map<Variant, Long> expectedBytes,
            ProcessCpu cpu)
            throws Exception {
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong bytes = new AtomicLong();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(clients + 1);
        CyclicBarrier end = new CyclicBarrier(clients + 1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(
                    () -> {
                        try (Client client = new Client(port, options)) {
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
        return new Concurrent(latencies, wall, bytes.get(), new long[] {after[0] - before[0], after[1] - before[1]});
    }

    /** Plain load for profiling: {@code --variant HTTP_CSV --clients 1 --per-client 200}. */
    static void load(Options options) throws Exception {
        resource = options.get("type", "tickets");
        int port = options.intValue("port");
        Variant variant = Variant.valueOf(options.get("variant", "HTTP_CSV"));
        Concurrent result = concurrentRun(
                port,
                options,
                variant,
                options.intValue("clients", 1),
                options.intValue("per-client", 100),
                Map.of(),
                new ProcessCpu(-1, null, 100));
        Stats s = Stats.of(result.latencies);
        System.out.printf(
                Locale.ROOT,
                "%s: %d exports in %.2f s, median %.1f ms, p99 %.1f ms%n",
                variant.label,
                result.latencies.size(),
                result.wallSeconds,
                s.median,
                s.p99);
    }

    // ------------------------------------------------------------------------------------------------ concurrent

    /**
     * The demo team has 4,000 live customers and 300 live articles; for "three-resource 10,000-row exports" this
     * copies existing rows (new ids, times moved by seconds) until each of the two has 10,000, in the benchmark's own
     * temporary database. Running it again adds nothing.
     */
    static void topUp(String jdbc, String user, String password) throws java.sql.SQLException {
        String customers = """
                INSERT INTO customers (id, team_id, mode, name, email, status, sentiment, tags, notes, ticket_count,
                                       created_at, updated_at)
                SELECT md5('bench-copy-' || g || '-' || c.id)::uuid, c.team_id, c.mode, c.name, c.email, c.status,
                       c.sentiment, c.tags, c.notes, c.ticket_count, c.created_at + g * interval '1 second',
                       c.updated_at + g * interval '1 second'
                FROM customers c CROSS JOIN generate_series(1, 3) AS g
                WHERE c.team_id = '%1$s' AND c.mode = 'live'
                ORDER BY g, c.created_at, c.id
                LIMIT greatest(0, %2$d - (SELECT count(*) FROM customers WHERE team_id = '%1$s' AND mode = 'live'))
                """.formatted(TEAM, ROWS);
        String articles = """
                INSERT INTO articles (id, team_id, mode, title, content, category, status, is_public, tags, view_count,
                                      use_count, created_at, updated_at, published_at)
                SELECT md5('bench-copy-' || g || '-' || a.id)::uuid, a.team_id, a.mode, a.title, a.content, a.category,
                       a.status, a.is_public, a.tags, a.view_count, a.use_count, a.created_at + g * interval '1 second',
                       a.updated_at + g * interval '1 second', a.published_at + g * interval '1 second'
                FROM articles a CROSS JOIN generate_series(1, 40) AS g
                WHERE a.team_id = '%1$s' AND a.mode = 'live'
                ORDER BY g, a.created_at, a.id
                LIMIT greatest(0, %2$d - (SELECT count(*) FROM articles WHERE team_id = '%1$s' AND mode = 'live'))
                """.formatted(TEAM, ROWS);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbc, user, password);
                java.sql.Statement statement = connection.createStatement()) {
            int addedCustomers = statement.executeUpdate(customers);
            int addedArticles = statement.executeUpdate(articles);
            statement.execute("ANALYZE customers");
            statement.execute("ANALYZE articles");
            System.out.printf(
                    Locale.ROOT,
                    "topped up the demo team's live rows to %,d customers and %,d articles "
                            + "(+%,d and +%,d copies)%n",
                    ROWS,
                    ROWS,
                    addedCustomers,
                    addedArticles);
        }
    }

    static void concurrent(Options options) throws Exception {
        int port = options.intValue("port");
        int clients = options.intValue("clients", 16);
        int perClient = options.intValue("per-client", 3);
        long pid = options.longValue("pid", -1);
        byte[] body = body("json", true);
        if (options.has("jdbc")) {
            topUp(options.get("jdbc"), options.get("db-user", "postgres"), options.get("db-password", "postgres"));
        }

        // one answer in full: three resources, every record
        long expected;
        int expectedRows;
        try (MiniHttp http = new MiniHttp(HOST, port)) {
            MiniHttp.Response response = http.post(PATH, headers(false), body, true);
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
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(clients);
        List<Thread> threads = new ArrayList<>();
        rss.start();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(
                    () -> {
                        try (MiniHttp http = new MiniHttp(HOST, port)) {
                            start.await();
                            for (int i = 0; i < perClient; i++) {
                                long t = System.nanoTime();
                                try {
                                    MiniHttp.Response response = http.post(PATH, headers(false), body, false);
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

    // ------------------------------------------------------------------------------------------------ startup

    /**
     * Starts the service command {@code --runs} times and measures process start to the first complete export.
     * With {@code --db-dir DIR --db-port P} this JVM first starts PostgreSQL itself on that (initialised) data
     * directory and the service is pointed at it ({@code QUARKUS_DATASOURCE_*}): the database is then already up,
     * as a production database would be; without them the service starts its embedded server itself.
     */
    static void startup(Options options) throws Exception {
        int runs = options.intValue("runs", 5);
        int port = options.intValue("port");
        Path log = Path.of(options.get("log"));
        List<String> command = options.command();
        String label = options.get("label", "");
        com.helpdesk.export.embedded.EmbeddedDatabase database = null;
        if (options.values.containsKey("db-dir")) {
            database = com.helpdesk.export.embedded.EmbeddedDatabase.start(
                    Path.of(options.get("db-dir")), options.intValue("db-port"));
        }
        try {
            List<Long> firstExport = new ArrayList<>();
            Pattern startedIn = Pattern.compile("started in ([0-9.]+)s");
            int attempts = options.intValue("attempts", 3);
            int maxForeign = options.intValue("max-foreign", 10);
            Path pgData = options.values.containsKey("pg-data") ? Path.of(options.get("pg-data")) : null;
            System.out.println();
            System.out.println("| " + label + " run | process start → first complete 10,000-row CSV export, ms "
                    + "| Quarkus's own \"started in\" | CPU others used meanwhile | attempt |");
            System.out.println("|---:|---:|---:|---:|---:|");
            for (int run = 1; run <= runs; run++) {
                for (int attempt = 1; ; attempt++) {
                    Files.deleteIfExists(log);
                    ProcessBuilder builder = new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile());
                    if (database != null) {
                        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
                        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", database.username());
                        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", database.password());
                        builder.environment().put("EXPORT_DEMO_LOAD", "false");
                    }
                    long[] machine0 = MachineCpu.machine();
                    long ours0 = MachineCpu.self() + MachineCpu.postgres(pgData);
                    long t0 = System.nanoTime();
                    Process process = builder.start();
                    double ms;
                    long ours1;
                    try {
                        ms = waitForFirstExport(port, process, t0);
                        ours1 = MachineCpu.self()
                                + MachineCpu.ticks(process.pid(), false)
                                + MachineCpu.postgres(pgData);
                    } finally {
                        stop(process);
                    }
                    long[] machine1 = MachineCpu.machine();
                    int foreign = MachineCpu.foreignPercent(machine0, machine1, ours1 - ours0);
                    if (foreign > maxForeign && attempt < attempts) {
                        System.err.printf(
                                Locale.ROOT,
                                "startup %s run %d: others used %d%% of the CPU, again%n",
                                label,
                                run,
                                foreign);
                        Thread.sleep(10_000);
                        continue;
                    }
                    firstExport.add((long) (ms * 1e6));
                    Matcher m = startedIn.matcher(Files.readString(log));
                    System.out.printf(
                            Locale.ROOT,
                            "| %d | %.0f | %s | %d%% | %d |%n",
                            run,
                            ms,
                            m.find() ? m.group(1) + " s" : "?",
                            foreign,
                            attempt);
                    break;
                }
            }
            Stats s = Stats.of(firstExport);
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "RESULT startup%s median_ms=%.0f min_ms=%.0f max_ms=%.0f%n",
                    label.isEmpty() ? "" : " (" + label + ")",
                    s.median,
                    s.min,
                    s.max);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    static double waitForFirstExport(int port, Process process, long t0) throws Exception {
        byte[] body = body("csv", false);
        long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue());
            }
            try (MiniHttp http = new MiniHttp(HOST, port)) {
                MiniHttp.Response response = http.post(PATH, headers(false), body, false);
                if (response.status() == 200
                        && response.complete()
                        && String.valueOf(ROWS).equals(response.header("x-total-rows"))) {
                    return (System.nanoTime() - t0) / 1e6;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no successful export within 180 s");
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: Quarkus shuts down, the embedded PostgreSQL is stopped
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Nearest-rank percentiles of latencies given in nanoseconds, answered in milliseconds. */
    static final class Stats {
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
                    median / 1e6,
                    rank(sorted, 0.50) / 1e6,
                    rank(sorted, 0.99) / 1e6,
                    sorted[0] / 1e6,
                    sorted[n - 1] / 1e6);
        }

        private static double rank(long[] sorted, double q) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    /**
     * CPU time (user + system) of the service's JVM and, separately, of its PostgreSQL: the postmaster (its pid is
     * the first line of {@code postmaster.pid} in the data directory), its live children (backends and helpers),
     * plus what the postmaster collected from children that ended.
     */
    static final class ProcessCpu {
        private final long pid;
        private final Path postmasterPidFile;
        private final int clockTicks;

        ProcessCpu(long pid, Path postmasterPidFile, int clockTicks) {
            this.pid = pid;
            this.postmasterPidFile = postmasterPidFile;
            this.clockTicks = clockTicks;
        }

        /** {jvm, postgres} in clock ticks; zeros for what is not known. */
        long[] ticks() {
            if (pid <= 0) {
                return new long[2];
            }
            long postmaster = -1;
            if (postmasterPidFile != null) {
                try {
                    postmaster = Long.parseLong(
                            Files.readAllLines(postmasterPidFile).get(0).trim());
                } catch (IOException | RuntimeException unknown) {
                    postmaster = -1;
                }
            }
            long[] jvmAndPostgres = new long[2];
            long postmasterPid = postmaster;
            try {
                MachineCpu.eachProcess((f, p) -> {
                    long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    if (p == pid) {
                        jvmAndPostgres[0] += own;
                    } else if (p == postmasterPid) {
                        jvmAndPostgres[1] += own + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    } else if (postmasterPid > 0 && Long.parseLong(f[1]) == postmasterPid) {
                        jvmAndPostgres[1] += own;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new long[] {jvmAndPostgres[0], postmaster > 0 ? jvmAndPostgres[1] : -1};
        }

        String perExport(long ticks, long exports) {
            return perExport(ticks, exports, false);
        }

        String postgresPerExport(long ticks, long exports) {
            return perExport(ticks, exports, true);
        }

        private String perExport(long ticks, long exports, boolean postgres) {
            if (pid <= 0 || (postgres && postmasterPidFile == null)) {
                return "-";
            }
            return String.format(Locale.ROOT, "%.1f", ticks * 1000.0 / clockTicks / exports);
        }
    }

    /** Samples VmRSS of a process every 20 ms; also reads VmHWM, the kernel's record of its peak. */
    static final class RssSampler {
        private final long pid;
        private volatile boolean running;
        private volatile long peakKb;
        private Thread thread;

        RssSampler(long pid) {
            this.pid = pid;
        }

        long current() {
            return field("VmRSS");
        }

        long hwmKb() {
            return field("VmHWM");
        }

        long peakKb() {
            return peakKb;
        }

        void start() {
            running = true;
            peakKb = current();
            thread = new Thread(
                    () -> {
                        while (running) {
                            peakKb = Math.max(peakKb, current());
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            peakKb = Math.max(peakKb, current());
        }

        private long field(String name) {
            if (pid <= 0) {
                return 0;
            }
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith(name + ":")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return 0;
        }
    }

    /**
     * CPU time from /proc, in clock ticks: of the whole machine (busy and all), of one process, of a PostgreSQL
     * server (postmaster, its children, and what it collected from children that ended), to tell how much of the
     * machine others used while something was measured.
     */
    static final class MachineCpu {
        private MachineCpu() {}

        /** {busy, all} ticks of all CPUs since boot. */
        static long[] machine() {
            try {
                String[] f =
                        Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = Long.parseLong(f[1])
                        + Long.parseLong(f[2])
                        + Long.parseLong(f[3])
                        + Long.parseLong(f[6])
                        + Long.parseLong(f[7])
                        + Long.parseLong(f[8]);
                return new long[] {busy, busy + Long.parseLong(f[4]) + Long.parseLong(f[5])};
            } catch (IOException | RuntimeException e) {
                return new long[2];
            }
        }

        static long self() {
            return ticks(ProcessHandle.current().pid(), true);
        }

        /** utime + stime of a process (with its ended children's when asked); 0 when it is gone. */
        static long ticks(long pid, boolean children) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return children ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        /** The PostgreSQL server running on a data directory; 0 when none runs. */
        static long postgres(Path dataDirectory) {
            if (dataDirectory == null) {
                return 0;
            }
            long postmaster;
            try {
                postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                        .get(0)
                        .trim());
            } catch (IOException | RuntimeException none) {
                return 0;
            }
            long[] total = {ticks(postmaster, true)};
            try {
                eachProcess((f, p) -> {
                    if (Long.parseLong(f[1]) == postmaster) {
                        total[0] += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                });
            } catch (IOException e) {
                return total[0];
            }
            return total[0];
        }

        /**
         * Hands every process's {@code /proc/<pid>/stat} fields after its name (state(0) ppid(1) … utime(11)
         * stime(12) cutime(13) cstime(14)) and its pid to the visitor; a process that ends meanwhile is skipped.
         */
        static void eachProcess(java.util.function.ObjLongConsumer<String[]> visitor) throws IOException {
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        visitor.accept(stat.substring(stat.lastIndexOf(')') + 2).split(" "), Long.parseLong(name));
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
        }

        /** The share of the machine's CPU capacity that processes other than ours used between two readings. */
        static int foreignPercent(long[] before, long[] after, long oursTicks) {
            long busy = after[0] - before[0];
            long all = after[1] - before[1];
            long foreign = Math.max(0, busy - oursTicks);
            return all <= 0 ? 0 : (int) (100 * foreign / all);
        }
    }

    /** {@code --name value} options, and the command after {@code --}. */
    static final class Options {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<String> command = new ArrayList<>();

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--")) {
                    options.command.addAll(Arrays.asList(args).subList(i + 1, args.length));
                    break;
                }
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value at " + args[i]);
                }
                options.values.put(args[i].substring(2), args[++i]);
            }
            return options;
        }

        String get(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        String get(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        int intValue(String name) {
            return Integer.parseInt(get(name));
        }

        int intValue(String name, int fallback) {
            return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
        }

        long longValue(String name, long fallback) {
            return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
        }

        List<String> command() {
            if (command.isEmpty()) {
                throw new IllegalArgumentException("the service command goes after --");
            }
            return command;
        }
    }
}
