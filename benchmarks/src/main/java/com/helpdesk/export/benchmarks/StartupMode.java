package com.helpdesk.export.benchmarks;

import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.read.ExportReadRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code startup}: starts the service command given after {@code --} {@code --runs} times and measures the time from
 * process start to the first complete export; a run during which others used more than {@code --max-foreign} % of
 * the CPU is run again (at most {@code --attempts} times). With {@code --db-dir DIR --db-port P} this JVM first starts
 * PostgreSQL itself on that (initialised) data directory and the service is pointed at it
 * ({@code QUARKUS_DATASOURCE_*}): the database is then already up, as a production database would be; without them
 * the service starts its embedded server itself.
 */
final class StartupMode {

    /** The role the measured service reads exports as, on a database this harness starts. */
    private static final String READER = "bench_export_reader";

    private static final String READER_SECRET = "bench-reader";

    private StartupMode() {}

    static void run(BenchOptions options) throws Exception {
        int runs = options.intValue("runs", 5);
        int port = options.intValue("port");
        Path log = Path.of(options.get("log"));
        List<String> command = options.command();
        String label = options.get("label", "");
        EmbeddedDatabase database = null;
        if (options.has("db-dir")) {
            database = EmbeddedDatabase.start(Path.of(options.get("db-dir")), options.intValue("db-port"));
            // the service reads exports as a least-privileged role, or does not start
            ExportReadRole.provideLogin(database.dataSource(), READER, database.storedSecret(READER_SECRET));
        }
        try {
            List<Long> firstExport = new ArrayList<>();
            Pattern startedIn = Pattern.compile("started in ([0-9.]+)s");
            int attempts = options.intValue("attempts", 3);
            int maxForeign = options.intValue("max-foreign", 10);
            Path pgData = options.has("pg-data") ? Path.of(options.get("pg-data")) : null;
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
                        builder.environment().put("EXPORT_READ_DATASOURCE_USERNAME", READER);
                        builder.environment()
                                .put("EXPORT_READ_DATASOURCE_PASSWORD", database.storedSecret(READER_SECRET));
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

    /** Milliseconds from {@code t0} to the first complete export of the demo team's 10,000 live tickets as CSV. */
    private static double waitForFirstExport(int port, Process process, long t0) throws Exception {
        BenchExport export = BenchExport.TICKETS;
        byte[] body = export.body("csv");
        long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue());
            }
            try (MiniHttp http = new MiniHttp(BenchExport.HOST, port)) {
                MiniHttp.Response response = http.post(BenchExport.PATH, BenchExport.headers(false), body, false);
                if (response.status() == 200
                        && response.complete()
                        && String.valueOf(export.rows()).equals(response.header("x-total-rows"))) {
                    return (System.nanoTime() - t0) / 1e6;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no successful export within 180 s");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: Quarkus shuts down, the embedded PostgreSQL is stopped
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
