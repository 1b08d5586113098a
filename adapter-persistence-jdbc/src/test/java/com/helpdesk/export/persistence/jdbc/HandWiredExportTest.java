package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.application.port.in.ExportCommand;
import com.helpdesk.export.application.port.in.ExportUseCase;
import com.helpdesk.export.application.port.in.PreparedExport;
import com.helpdesk.export.application.service.ExportService;
import com.helpdesk.export.csv.CsvSerializer;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.policy.FormatPolicy;
import com.helpdesk.export.domain.policy.RateLimits;
import com.helpdesk.export.domain.policy.RowLimitPolicy;
import com.helpdesk.export.persistence.jdbc.demo.DemoDataset;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proof that another application can reuse the core without Quarkus: the use case wired by hand, with plain
 * constructors, over the real JDBC adapters and the real CSV serializer, on a real PostgreSQL. No CDI container
 * is on this module's class path at all.
 */
class HandWiredExportTest {

    private static ExportUseCase wire(DataSource dataSource, int rowLimit) {
        return wire(dataSource, rowLimit, RateLimits.contractDefault());
    }

    private static ExportUseCase wire(DataSource dataSource, int rowLimit, RateLimits rateLimits) {
        Clock clock = Clock.systemUTC();
        // the counters go to a database of their own: the demo database is read-only by convention
        DataSource counters = TestPostgres.migratedDatabase();
        return new ExportService(new JdbcKeyVerifier(dataSource, clock),
                new JdbcAuthenticationThrottle(counters, 10, Duration.ofMinutes(15), clock),
                new JdbcRateLimiter(counters, rateLimits, clock),
                new JdbcResourceReader(dataSource, Duration.ofSeconds(30)),
                List.of(new CsvSerializer()),
                RowLimitPolicy.configured(rowLimit).orThrow(), new FormatPolicy(), clock);
    }

    private static ExportCommand command(String key, ExportRequest request) {
        return new ExportCommand(Optional.of(key), DemoDataset.DEMO_TEAM_ID.toString(), () -> request, "req_handwired");
    }

    @Test
    void noFrameworkIsOnTheClassPath() {
        for (String type : List.of("io.quarkus.runtime.Quarkus", "jakarta.enterprise.inject.Produces",
                "jakarta.inject.Inject", "jakarta.ws.rs.Path")) {
            assertThatThrownBy(() -> Class.forName(type)).as(type).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void exportsCsvFromPostgresWithoutAContainer() throws Exception {
        ExportUseCase exports = wire(TestPostgres.demoDatabase(), 1_000);
        ResourceType tickets = ResourceType.TICKETS;
        ExportRequest request = new ExportRequest(List.of(new ResourceSpec(tickets,
                ResourceFilters.parse(tickets, Map.of("status", List.of("open", "pending")), "filters"),
                tickets.selectFields(List.of("id", "status", "createdAt"), "fields"), Optional.empty())),
                ExportFormat.CSV, Optional.of(new CsvOptions(false)));

        String csv;
        try (PreparedExport export = exports.prepare(command(DemoDataset.LIVE_SECRET_KEY, request))) {
            assertThat(export.document().totalRows()).isEqualTo(1_000);
            assertThat(export.document().sections().get(0).summary().hasMore()).isTrue();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            export.writeTo(out);
            csv = out.toString(StandardCharsets.UTF_8);
        }
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(csv))) {
            records = parser.getRecords();
        }
        assertThat(records).hasSize(1_001);
        assertThat(records.get(0).values()).containsExactly("id", "status", "createdAt");
        assertThat(records.subList(1, records.size())).allSatisfy(r -> {
            assertThat(r.get(0)).matches("tkt_[0-9a-f]{32}");
            assertThat(r.get(1)).isIn("open", "pending");
        });
    }

    @Test
    void theWiredCoreStillChecksKeysAndOffersOnlyWhatWasWired() {
        ExportUseCase exports = wire(TestPostgres.demoDatabase(), 10_000);
        ExportRequest json = new ExportRequest(List.of(ResourceSpec.all(ResourceType.ARTICLES)), ExportFormat.JSON,
                Optional.empty());
        assertThatThrownBy(() -> exports.prepare(command(DemoDataset.AGENT_SECRET_KEY, json)))
                .isInstanceOfSatisfying(ExportException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS));
        assertThatThrownBy(() -> exports.prepare(command(DemoDataset.LIVE_SECRET_KEY, json)))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.param()).isEqualTo("format"));
    }

    @Test
    void theWiredCoreCountsCallsAndFailedAuthenticationsInPostgres() {
        ExportUseCase exports = wire(TestPostgres.demoDatabase(), 10, new RateLimits(2, 1, Duration.ofHours(1)));
        ExportRequest csv = new ExportRequest(List.of(ResourceSpec.all(ResourceType.ARTICLES)), ExportFormat.CSV,
                Optional.empty());
        List<RateLimitStatus> statuses = new ArrayList<>();
        ExportCommand call = new ExportCommand(Optional.of(DemoDataset.LIVE_SECRET_KEY),
                DemoDataset.DEMO_TEAM_ID.toString(), () -> csv, "req_handwired", "192.0.2.10", statuses::add);

        for (int i = 0; i < 2; i++) {
            exports.prepare(call).close();
        }
        assertThatThrownBy(() -> exports.prepare(call)).isInstanceOfSatisfying(ExportException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED));
        assertThat(statuses).extracting(RateLimitStatus::remaining).containsExactly(1L, 0L, 0L);

        String unknownKey = "sk_live_" + "A".repeat(32);
        ExportCommand guess = new ExportCommand(Optional.of(unknownKey), DemoDataset.DEMO_TEAM_ID.toString(),
                () -> csv, "req_handwired", "192.0.2.66", status -> { });
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> exports.prepare(guess)).isInstanceOfSatisfying(ExportException.class,
                    e -> assertThat(e.code()).isNotEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED));
        }
        assertThatThrownBy(() -> exports.prepare(guess)).isInstanceOfSatisfying(ExportException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED));
    }
}
