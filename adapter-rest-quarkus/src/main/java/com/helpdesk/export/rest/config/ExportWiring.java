package com.helpdesk.export.rest.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.helpdesk.export.application.port.in.ExportUseCase;
import com.helpdesk.export.application.service.ExportService;
import com.helpdesk.export.csv.CsvSerializer;
import com.helpdesk.export.domain.policy.FormatPolicy;
import com.helpdesk.export.domain.policy.RowLimitPolicy;
import com.helpdesk.export.domain.port.KeyVerifier;
import com.helpdesk.export.domain.port.ResourceReader;
import com.helpdesk.export.persistence.jdbc.JdbcKeyVerifier;
import com.helpdesk.export.persistence.jdbc.JdbcResourceReader;
import com.helpdesk.export.persistence.jdbc.demo.DemoDataset;
import com.helpdesk.export.rest.json.JacksonJsonSerializer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

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
    ExportUseCase exportUseCase(KeyVerifier keyVerifier, ResourceReader reader, ExportSettings settings, Clock clock) {
        RowLimitPolicy rowLimit = RowLimitPolicy.configured(settings.maxRowsPerResource()).orThrow();
        return new ExportService(keyVerifier, reader,
                List.of(new JacksonJsonSerializer(new JsonFactory()), new CsvSerializer()),
                rowLimit, new FormatPolicy(), clock);
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
