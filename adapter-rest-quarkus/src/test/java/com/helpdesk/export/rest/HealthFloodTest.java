package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.persistence.jdbc.read.JdbcResourceReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Health probes cannot take what exports are owed: each health check asks the database at most once per cache period
 * whatever the number of probes, the export pool keeps one connection for its check beside every export read, and a
 * flood of probes during exports leaves every export answered 200.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(FloodProfile.class)
class HealthFloodTest {

    private static final String EXPORT = "{\"resources\":[{\"type\":\"customers\"}]}";
    private static final int PROBES = 32;

    @TestHTTPResource(value = "health", management = true)
    URL health;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "health/well", management = true)
    URL well;

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource control;

    @Inject
    @DataSource("exports")
    AgroalDataSource exports;

    @Inject
    JdbcResourceReader reader;

    @ConfigProperty(name = "quarkus.datasource.exports.jdbc.max-size")
    int exportPoolSize;

    /** What a flood of probes got back, by status. */
    private static final class Probes {
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final List<Thread> threads = new ArrayList<>();

        long total() {
            return statuses.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }

    /** {@value #PROBES} threads asking {@code /q/health} and {@code /q/health/ready} in turn until {@code stop}. */
    private Probes flood(AtomicBoolean stop) {
        Probes probes = new Probes();
        for (int t = 0; t < PROBES; t++) {
            URI uri = URI.create((t % 2 == 0 ? health : ready).toString());
            Thread thread = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .build();
                while (!stop.get()) {
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        return;
                    }
                    probes.statuses
                            .computeIfAbsent(status, s -> new AtomicLong())
                            .incrementAndGet();
                }
            });
            thread.start();
            probes.threads.add(thread);
        }
        return probes;
    }

    private static void await(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(60_000);
            assertThat(thread.isAlive()).as(thread.getName() + " ended").isFalse();
        }
    }

    /** Database calls a check may make in {@code nanos}: one per second (the default cache period), one more. */
    private static long callsAllowed(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L + 1;
    }

    @Test
    void theExportPoolKeepsAConnectionForItsHealthCheckBesideEveryExportRead() throws Exception {
        List<ReadSnapshot> open = new ArrayList<>();
        Scope scope = new Scope(new TeamId(UUID.fromString(DEMO_TEAM)), Mode.LIVE);
        try {
            while (open.size() <= exportPoolSize) {
                try {
                    open.add(reader.openSnapshot(scope, Cancellation.never()));
                } catch (ExportException atCapacity) {
                    assertThat(atCapacity.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                    break;
                }
            }
            HostileHttp.Answer answer = HostileHttp.send(well, "GET", "", null, null, null);
            JsonNode check = answer.json().get("checks").get(0);
            assertThat(check.get("name").asText()).isEqualTo("export-reads");
            assertThat(check.get("status").asText())
                    .as(
                            "the check of the export database while every export read holds its connection: %s",
                            answer.text())
                    .isEqualTo("UP");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(open)
                    .as("export reads at once: the pool's size less the health check's one connection")
                    .hasSize(exportPoolSize - 1);
        } finally {
            for (ReadSnapshot snapshot : open) {
                snapshot.close();
            }
        }
    }

    @Test
    void aFloodOfProbesCostsEachCheckAtMostOneDatabaseCallPerCachePeriod() throws Exception {
        long controlBefore = control.getMetrics().acquireCount();
        long exportsBefore = exports.getMetrics().acquireCount();
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        Probes probes = flood(stop);
        Thread.sleep(3_000);
        stop.set(true);
        await(probes.threads);
        long nanos = System.nanoTime() - start;
        long controlCalls = control.getMetrics().acquireCount() - controlBefore;
        long exportCalls = exports.getMetrics().acquireCount() - exportsBefore;
        System.out.printf(
                "HealthFloodTest: %d probes in %d ms (statuses %s): %d connections of the control pool taken, "
                        + "%d of the export pool%n",
                probes.total(), nanos / 1_000_000, new TreeMap<>(probes.statuses), controlCalls, exportCalls);
        assertThat(probes.statuses.keySet()).as("every probe answered 200").containsOnly(200);
        assertThat(probes.total()).as("probes answered").isGreaterThan(100);
        assertThat(controlCalls)
                .as("readiness's connections of the control pool")
                .isBetween(1L, callsAllowed(nanos));
        assertThat(exportCalls)
                .as("the export-reads check's connections of the export pool")
                .isBetween(1L, callsAllowed(nanos));
    }

    @Test
    void exportsDuringAFloodOfProbesAreAllServedAndTheProbesTakeAtMostOneConnectionPerPeriod() throws Exception {
        int readers = exportPoolSize - 1;
        assertThat(HostileHttp.post(base, DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, EXPORT)
                        .status())
                .isEqualTo(200);
        long exportsBefore = exports.getMetrics().acquireCount();
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        Probes probes = flood(stop);
        Map<Integer, AtomicLong> exportStatuses = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        List<Thread> exporters = new ArrayList<>();
        long end = start + Duration.ofSeconds(5).toNanos();
        for (int e = 0; e < readers; e++) {
            Thread exporter = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HostileHttp.Answer answer = HostileHttp.post(base, DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, EXPORT);
                    exportStatuses
                            .computeIfAbsent(answer.status(), s -> new AtomicLong())
                            .incrementAndGet();
                    if (answer.status() != 200) {
                        synchronized (failures) {
                            failures.add(answer.status() + " " + answer.text());
                        }
                    }
                }
            });
            exporter.start();
            exporters.add(exporter);
        }
        await(exporters);
        stop.set(true);
        await(probes.threads);
        long nanos = System.nanoTime() - start;
        long exported = exportStatuses.getOrDefault(200, new AtomicLong()).get();
        long probeCalls = exports.getMetrics().acquireCount() - exportsBefore - exported;
        System.out.printf(
                "HealthFloodTest: %d exports (statuses %s) beside %d probes (statuses %s) in %d ms; the export-reads "
                        + "check took %d connections of the export pool%n",
                exportStatuses.values().stream().mapToLong(AtomicLong::get).sum(),
                new TreeMap<>(exportStatuses),
                probes.total(),
                new TreeMap<>(probes.statuses),
                nanos / 1_000_000,
                probeCalls);
        assertThat(failures).as("exports not answered 200").isEmpty();
        assertThat(exported).as("exports made").isPositive();
        assertThat(probes.statuses.keySet()).as("every probe answered 200").containsOnly(200);
        assertThat(probeCalls)
                .as("connections of the export pool taken by the health check")
                .isBetween(0L, callsAllowed(nanos));
    }
}
