package com.helpdesk.export.assembly;

import com.fasterxml.jackson.core.JsonFactory;
import com.helpdesk.export.application.port.in.AuthorizeExportUseCase;
import com.helpdesk.export.application.port.in.FollowChangesUseCase;
import com.helpdesk.export.application.port.in.PrepareExportUseCase;
import com.helpdesk.export.application.service.AuthorizeExportService;
import com.helpdesk.export.application.service.FollowChangesService;
import com.helpdesk.export.application.service.PrepareExportService;
import com.helpdesk.export.csv.CsvSerializer;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.demo.DemoLoader;
import com.helpdesk.export.domain.policy.ChangeFeedPolicy;
import com.helpdesk.export.domain.policy.ConcurrencyLimits;
import com.helpdesk.export.domain.policy.FormatPolicy;
import com.helpdesk.export.domain.policy.RateLimits;
import com.helpdesk.export.domain.policy.RowLimitPolicy;
import com.helpdesk.export.domain.port.KeyVerifier;
import com.helpdesk.export.json.JacksonJsonSerializer;
import com.helpdesk.export.json.JsonChangeSerializer;
import com.helpdesk.export.ndjson.NdjsonChangeSerializer;
import com.helpdesk.export.ndjson.NdjsonSerializer;
import com.helpdesk.export.persistence.jdbc.access.JdbcAuthenticationThrottle;
import com.helpdesk.export.persistence.jdbc.access.JdbcExportSlots;
import com.helpdesk.export.persistence.jdbc.access.JdbcKeyVerifier;
import com.helpdesk.export.persistence.jdbc.access.JdbcRateLimiter;
import com.helpdesk.export.persistence.jdbc.access.JdbcTombstones;
import com.helpdesk.export.persistence.jdbc.access.RememberingKeyVerifier;
import com.helpdesk.export.persistence.jdbc.access.RememberingThrottle;
import com.helpdesk.export.persistence.jdbc.read.ExportReadRole;
import com.helpdesk.export.persistence.jdbc.read.JdbcResourceReader;
import com.helpdesk.export.persistence.jdbc.read.ReaderSettings;
import com.helpdesk.export.rest.RestSettings;
import com.helpdesk.export.spool.FileSpoolStore;
import com.helpdesk.export.xlsx.XlsxSerializer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The only place where the framework-free core meets CDI: each port and the use cases are built here by hand, so
 * the domain and application carry no annotations.
 *
 * <p>Two connection pools: the default datasource (keys, rate limits, the throttle, concurrency leases, readiness,
 * migrations) and {@code exports}, which only export snapshots and the export database's health check use. A flood of
 * exports therefore never keeps a key from being verified or a limit from being counted, and "at capacity" (every
 * export connection busy) is told apart from "database unreachable".
 */
@ApplicationScoped
public class ExportWiring {

    private static final Logger LOG = Logger.getLogger(ExportWiring.class);

    /** Connections of a pool a health check may hold at once: it asks one probe at a time. */
    private static final int HEALTH_CONNECTIONS = 1;

    /** How long a standby that exports are read from may take at start to replay what the primary has written. */
    private static final Duration STANDBY_REPLAY_PATIENCE = Duration.ofSeconds(60);

    private ScheduledExecutorService janitor;

    /**
     * Builds both use cases at start (producers are lazy), so that a configuration mistake (a row limit outside 1 to
     * 10,000, a spool folder that cannot be used, caps that make no sense) stops the start instead of failing the
     * first request.
     */
    void buildAtStart(
            @Observes StartupEvent event,
            AuthorizeExportUseCase authorize,
            PrepareExportUseCase prepare,
            FollowChangesUseCase follow) {
        LOG.debugf(
                "use cases ready: %s, %s, %s",
                authorize.getClass().getSimpleName(),
                prepare.getClass().getSimpleName(),
                follow.getClass().getSimpleName());
    }

    /**
     * Refuses to start when export snapshots would read as a role that can do more than read the exported tables
     * (write, read the keys or the counters, run a program or read a file of the server), or when that role cannot
     * be checked: the service never reads exports with more than it needs.
     */
    void checkExportReadRole(
            @Observes @Priority(2) StartupEvent event,
            @DataSource("exports") AgroalDataSource exports,
            AgroalDataSource control) {
        List<String> problems;
        try {
            if (!ExportReadRole.awaitReplay(control, exports, STANDBY_REPLAY_PATIENCE)) {
                throw new IllegalStateException("Refusing to start: the standby exports are read from has not "
                        + "replayed the primary's schema within " + STANDBY_REPLAY_PATIENCE.toSeconds() + " s.");
            }
            problems = ExportReadRole.problems(exports);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Refusing to start: interrupted while the standby replayed", e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Refusing to start: the role export snapshots read as could not be checked, because the "
                            + "database exports are read from did not answer (" + e.getMessage() + ").",
                    e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: export snapshots would read as a role that may do "
                    + "more than read the exported tables.\n  " + String.join("\n  ", problems)
                    + "\nSet export.read-datasource.username and .password to a role made as the README says "
                    + "(\"Database roles\").");
        }
    }

    /** What the REST adapter is told of the settings. */
    @Produces
    @Singleton
    RestSettings restSettings(ExportSettings settings) {
        return new RestSettings(
                settings.maxBodyBytes(),
                settings.docsBaseUrl(),
                settings.unavailableRetryAfterSeconds(),
                settings.health().cache());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The reader of export snapshots. It opens at most the exports pool's size less one snapshots at once: the one
     * left is the health check's ({@code ExportReadsHealth}, which asks one probe at a time), so that an export read
     * never waits for a connection the health check holds. A pool too small for that stops the start.
     */
    @Produces
    @Singleton
    JdbcResourceReader resourceReader(
            @DataSource("exports") AgroalDataSource exports,
            ExportSettings settings,
            @ConfigProperty(name = "quarkus.datasource.exports.jdbc.max-size") int exportPoolSize) {
        int reads = exportPoolSize - HEALTH_CONNECTIONS;
        if (reads < 1) {
            throw new IllegalStateException("quarkus.datasource.exports.jdbc.max-size is " + exportPoolSize
                    + ": it must be at least " + (HEALTH_CONNECTIONS + 1) + ", one connection for the health check of "
                    + "the export database and at least one for export reads");
        }
        return new JdbcResourceReader(
                exports,
                new ReaderSettings(
                        settings.statementTimeout(),
                        settings.readDeadline(),
                        reads,
                        settings.capacityWait(),
                        settings.searchBudgetInForce()));
    }

    void closeResourceReader(@Disposes JdbcResourceReader reader) {
        reader.close();
    }

    /**
     * Keys looked up by their hash on the control pool; a rejected key is remembered for
     * {@code export.auth-failures.rejected-key-ttl}, so that presenting it again costs no lookup.
     */
    @Produces
    @Singleton
    KeyVerifier keyVerifier(AgroalDataSource control, ExportSettings settings, Clock clock) {
        ExportSettings.AuthFailures failures = settings.authFailures();
        if (failures.rejectedKeys() < 0) {
            throw new IllegalStateException(
                    "export.auth-failures.rejected-keys must not be negative: " + failures.rejectedKeys());
        }
        if (failures.rejectedKeyTtl().isNegative() || failures.rejectedKeyTtl().isZero()) {
            throw new IllegalStateException(
                    "export.auth-failures.rejected-key-ttl must be positive: " + failures.rejectedKeyTtl());
        }
        return new RememberingKeyVerifier(
                new JdbcKeyVerifier(control, clock), failures.rejectedKeys(), failures.rejectedKeyTtl(), clock);
    }

    @Produces
    @Singleton
    JdbcRateLimiter rateLimiter(AgroalDataSource control, ExportSettings settings, Clock clock) {
        ExportSettings.RateLimit limits = settings.rateLimit();
        return new JdbcRateLimiter(
                control,
                new RateLimits(limits.secretPerWindow(), limits.publishablePerWindow(), limits.window()),
                clock);
    }

    @Produces
    @Singleton
    JdbcAuthenticationThrottle authenticationThrottle(AgroalDataSource control, ExportSettings settings, Clock clock) {
        return new JdbcAuthenticationThrottle(
                control, settings.authFailures().max(), settings.authFailures().window(), clock);
    }

    @Produces
    @Singleton
    ConcurrencyLimits concurrencyLimits(ExportSettings settings) {
        ExportSettings.Concurrency concurrency = settings.concurrency();
        return new ConcurrencyLimits(concurrency.perKey(), concurrency.perTeam(), concurrency.retryAfter());
    }

    @Produces
    @Singleton
    JdbcExportSlots exportSlots(
            AgroalDataSource control, ConcurrencyLimits limits, ExportSettings settings, Clock clock) {
        return new JdbcExportSlots(control, limits, settings.concurrency().leaseTtl(), clock);
    }

    void closeExportSlots(@Disposes JdbcExportSlots slots) {
        slots.close();
    }

    @Produces
    @Singleton
    FileSpoolStore spoolStore(ExportSettings settings) {
        ExportSettings.Spool spool = settings.spool();
        Path root = spool.directory()
                .map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "helpdesk-export-spool"));
        return FileSpoolStore.open(
                root,
                (int) Math.min(Integer.MAX_VALUE, spool.memory().asLongValue()),
                spool.maxDisk().asLongValue());
    }

    void closeSpoolStore(@Disposes FileSpoolStore store) {
        store.close();
    }

    /**
     * The authorization of an export. Failed keys are counted per address in PostgreSQL, behind a memory of the
     * addresses the count has blocked ({@code export.auth-failures.remembered-addresses}), so that the failures of a
     * blocked address cost no statement until its window ends.
     */
    @Produces
    @Singleton
    AuthorizeExportUseCase authorizeExport(
            KeyVerifier keyVerifier,
            JdbcAuthenticationThrottle throttle,
            JdbcExportSlots slots,
            JdbcRateLimiter rateLimiter,
            ConcurrencyLimits limits,
            ExportSettings settings,
            Clock clock) {
        int remembered = settings.authFailures().rememberedAddresses();
        if (remembered < 0) {
            throw new IllegalStateException(
                    "export.auth-failures.remembered-addresses must not be negative: " + remembered);
        }
        return new AuthorizeExportService(
                keyVerifier, new RememberingThrottle(throttle, remembered, clock), slots, rateLimiter, limits);
    }

    @Produces
    @Singleton
    PrepareExportUseCase prepareExport(
            JdbcResourceReader reader, FileSpoolStore spools, ExportSettings settings, Clock clock) {
        RowLimitPolicy rowLimit = RowLimitPolicy.configured(settings.maxRowsPerResource());
        return new PrepareExportService(
                reader,
                spools,
                List.of(
                        new JacksonJsonSerializer(new JsonFactory()),
                        new CsvSerializer(),
                        new NdjsonSerializer(new JsonFactory()),
                        new XlsxSerializer()),
                rowLimit,
                new FormatPolicy(),
                clock);
    }

    /** The change feed's rule on cursors: tombstones are kept {@code export.changes.retention}. */
    @Produces
    @Singleton
    ChangeFeedPolicy changeFeedPolicy(ExportSettings settings) {
        return new ChangeFeedPolicy(settings.changes().retention());
    }

    /** Changes calls: read as exports are (the same reader, spool store and row limit), in JSON or NDJSON. */
    @Produces
    @Singleton
    FollowChangesUseCase followChanges(
            JdbcResourceReader reader,
            FileSpoolStore spools,
            ChangeFeedPolicy feedPolicy,
            ExportSettings settings,
            Clock clock) {
        return new FollowChangesService(
                reader,
                spools,
                List.of(new JsonChangeSerializer(new JsonFactory()), new NdjsonChangeSerializer(new JsonFactory())),
                RowLimitPolicy.configured(settings.maxRowsPerResource()),
                feedPolicy,
                clock);
    }

    /** Tombstones of deleted rows, deleted once older than the feed's retention. */
    @Produces
    @Singleton
    JdbcTombstones tombstones(AgroalDataSource control, ChangeFeedPolicy feedPolicy, Clock clock) {
        return new JdbcTombstones(control, feedPolicy.retention(), clock);
    }

    /**
     * Deletes expired rate-limit windows, failure counts, leases and tombstones, so that their tables do not grow with time; and
     * opens the spool store now, which clears what dead instances left in its folder.
     */
    void startCleanup(
            @Observes StartupEvent event,
            ExportSettings settings,
            JdbcRateLimiter rateLimiter,
            JdbcAuthenticationThrottle throttle,
            JdbcExportSlots slots,
            JdbcTombstones tombstones,
            FileSpoolStore spools) {
        LOG.debugf("spool folder %s", spools.directory());
        long every = settings.rateLimit().cleanupInterval().toMillis();
        janitor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rate-limit-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        janitor.scheduleWithFixedDelay(
                () -> {
                    try {
                        int removed = rateLimiter.removeExpired()
                                + throttle.removeExpired()
                                + slots.removeExpired()
                                + tombstones.removeExpired();
                        LOG.debugf("cleanup removed %d rows", removed);
                    } catch (RuntimeException e) {
                        LOG.warnf("cleanup failed, will retry: %s", e.getMessage());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    void stopCleanup(@Observes ShutdownEvent event) {
        if (janitor != null) {
            janitor.shutdownNow();
        }
    }

    void loadDemoData(@Observes StartupEvent event, ExportSettings settings, AgroalDataSource control) {
        if (settings.demoLoad()) {
            long start = System.nanoTime();
            boolean loaded = DemoLoader.isLoaded(control);
            DemoLoader.load(control);
            LOG.infof(
                    "Demo dataset %s in %d ms.%n%s",
                    loaded ? "already present" : "loaded",
                    (System.nanoTime() - start) / 1_000_000,
                    DemoDataset.describe());
        }
    }
}
