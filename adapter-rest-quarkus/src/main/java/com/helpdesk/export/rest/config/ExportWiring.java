package com.helpdesk.export.rest.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.helpdesk.export.application.port.in.ExportUseCase;
import com.helpdesk.export.application.service.ExportService;
import com.helpdesk.export.csv.CsvSerializer;
import com.helpdesk.export.domain.policy.FormatPolicy;
import com.helpdesk.export.domain.policy.RateLimits;
import com.helpdesk.export.domain.policy.RowLimitPolicy;
import com.helpdesk.export.domain.port.KeyVerifier;
import com.helpdesk.export.domain.port.ResourceReader;
import com.helpdesk.export.persistence.jdbc.JdbcAuthenticationThrottle;
import com.helpdesk.export.persistence.jdbc.JdbcKeyVerifier;
import com.helpdesk.export.persistence.jdbc.JdbcRateLimiter;
import com.helpdesk.export.persistence.jdbc.JdbcResourceReader;
import com.helpdesk.export.persistence.jdbc.demo.DemoDataset;
import com.helpdesk.export.rest.json.JacksonJsonSerializer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The only place where the framework-free core meets CDI: each port and the use case are built here by hand,
 * so the domain and application carry no annotations.
 */
@ApplicationScoped
public class ExportWiring {

    private static final Logger LOG = Logger.getLogger(ExportWiring.class);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ResourceReader resourceReader(DataSource dataSource, ExportSettings settings) {
        return new JdbcResourceReader(dataSource, settings.statementTimeout());
    }

    @Produces
    @Singleton
    KeyVerifier keyVerifier(DataSource dataSource, Clock clock) {
        return new JdbcKeyVerifier(dataSource, clock);
    }

    @Produces
    @Singleton
    JdbcRateLimiter rateLimiter(DataSource dataSource, ExportSettings settings, Clock clock) {
        ExportSettings.RateLimit limits = settings.rateLimit();
        return new JdbcRateLimiter(dataSource,
                new RateLimits(limits.secretPerWindow(), limits.publishablePerWindow(), limits.window()), clock);
    }

    @Produces
    @Singleton
    JdbcAuthenticationThrottle authenticationThrottle(DataSource dataSource, ExportSettings settings, Clock clock) {
        return new JdbcAuthenticationThrottle(dataSource, settings.authFailures().max(),
                settings.authFailures().window(), clock);
    }

    @Produces
    @Singleton
    ExportUseCase exportUseCase(KeyVerifier keyVerifier, JdbcAuthenticationThrottle throttle,
                                JdbcRateLimiter rateLimiter, ResourceReader reader, ExportSettings settings,
                                Clock clock) {
        RowLimitPolicy rowLimit = RowLimitPolicy.configured(settings.maxRowsPerResource()).orThrow();
        return new ExportService(keyVerifier, throttle, rateLimiter, reader,
                List.of(new JacksonJsonSerializer(new JsonFactory()), new CsvSerializer()),
                rowLimit, new FormatPolicy(), clock);
    }

    private ScheduledExecutorService janitor;

    /** Deletes expired rate-limit buckets and failure counts, so that their tables do not grow with time. */
    void startCleanup(@Observes StartupEvent event, ExportSettings settings, JdbcRateLimiter rateLimiter,
                      JdbcAuthenticationThrottle throttle) {
        long every = settings.rateLimit().cleanupInterval().toMillis();
        janitor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rate-limit-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        janitor.scheduleWithFixedDelay(() -> {
            try {
                int removed = rateLimiter.removeExpired() + throttle.removeExpired();
                LOG.debugf("rate-limit cleanup removed %d rows", removed);
            } catch (RuntimeException e) {
                LOG.warnf("rate-limit cleanup failed, will retry: %s", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    void stopCleanup(@Observes ShutdownEvent event) {
        if (janitor != null) {
            janitor.shutdownNow();
        }
    }

    void loadDemoData(@Observes StartupEvent event, ExportSettings settings, DataSource dataSource) {
        if (settings.demoLoad()) {
            long start = System.nanoTime();
            boolean loaded = DemoDataset.isLoaded(dataSource);
            DemoDataset.load(dataSource);
            LOG.infof("Demo dataset %s in %d ms.%n%s", loaded ? "already present" : "loaded",
                    (System.nanoTime() - start) / 1_000_000, DemoDataset.describe());
        }
    }
}
