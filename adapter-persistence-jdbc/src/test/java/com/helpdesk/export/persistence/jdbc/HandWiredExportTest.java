package com.helpdesk.export.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.application.port.in.Admission;
import com.helpdesk.export.application.port.in.AuthorizeExportUseCase;
import com.helpdesk.export.application.port.in.ExportCredentials;
import com.helpdesk.export.application.port.in.ExportPass;
import com.helpdesk.export.application.port.in.PrepareExportUseCase;
import com.helpdesk.export.application.port.in.PreparedExport;
import com.helpdesk.export.application.service.AuthorizeExportService;
import com.helpdesk.export.application.service.PrepareExportService;
import com.helpdesk.export.csv.CsvSerializer;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.policy.ConcurrencyLimits;
import com.helpdesk.export.domain.policy.FormatPolicy;
import com.helpdesk.export.domain.policy.RateLimits;
import com.helpdesk.export.domain.policy.RowLimitPolicy;
import com.helpdesk.export.persistence.jdbc.access.JdbcAuthenticationThrottle;
import com.helpdesk.export.persistence.jdbc.access.JdbcExportSlots;
import com.helpdesk.export.persistence.jdbc.access.JdbcKeyVerifier;
import com.helpdesk.export.persistence.jdbc.access.JdbcRateLimiter;
import com.helpdesk.export.persistence.jdbc.read.JdbcResourceReader;
import com.helpdesk.export.persistence.jdbc.read.ReaderSettings;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import com.helpdesk.export.spool.FileSpoolStore;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that another application can reuse the core without Quarkus: both use cases wired by hand, with plain
 * constructors, over the real JDBC adapters, the real spool and the real CSV serializer, on a real PostgreSQL. No
 * CDI container is on this module's class path at all.
 */
class HandWiredExportTest {

    @TempDir
    static Path spoolRoot;

    /** The two use cases of one hand-wired service, and the adapters it must close. */
    private record Wired(
            AuthorizeExportUseCase authorize,
            PrepareExportUseCase prepare,
            JdbcExportSlots slots,
            FileSpoolStore spools,
            JdbcResourceReader reader)
            implements AutoCloseable {

        /** Authorizes a caller of the demo team, or throws the refusal. */
        ExportPass caller(String key, String address) {
            Admission authorization = authorize.authorize(
                    new ExportCredentials(Optional.of(key), DemoDataset.DEMO_TEAM_ID.toString(), address));
            if (authorization instanceof Admission.Refused refused) {
                throw refused.reason();
            }
            return ((Admission.Granted) authorization).pass();
        }

        PreparedExport export(String key, ExportRequest request) {
            ExportPass caller = caller(key, "192.0.2.1");
            try {
                return prepare.prepare(caller, request, "req_handwired", Cancellation.never());
            } catch (RuntimeException e) {
                caller.close();
                throw e;
            }
        }

        @Override
        public void close() {
            slots.close();
            spools.close();
            reader.close();
        }
    }

    private static Wired wire(DataSource dataSource, int rowLimit) {
        return wire(dataSource, rowLimit, RateLimits.contractDefault());
    }

    private static Wired wire(DataSource dataSource, int rowLimit, RateLimits rateLimits) {
        Clock clock = Clock.systemUTC();
        // the counters and leases go to a database of their own: the demo database is read-only by convention
        DataSource counters = TestPostgres.migratedDatabase();
        JdbcExportSlots slots =
                new JdbcExportSlots(counters, ConcurrencyLimits.contractDefault(), Duration.ofSeconds(30), clock);
        FileSpoolStore spools = FileSpoolStore.open(spoolRoot, 64 * 1024, 1L << 30);
        JdbcResourceReader reader =
                new JdbcResourceReader(TestPostgres.asExportReader(dataSource), ReaderSettings.defaults());
        AuthorizeExportUseCase authorize = new AuthorizeExportService(
                new JdbcKeyVerifier(dataSource, clock),
                new JdbcAuthenticationThrottle(counters, 10, Duration.ofMinutes(15), clock),
                slots,
                new JdbcRateLimiter(counters, rateLimits, clock),
                ConcurrencyLimits.contractDefault());
        PrepareExportUseCase prepare = new PrepareExportService(
                reader,
                spools,
                List.of(new CsvSerializer()),
                RowLimitPolicy.configured(rowLimit),
                new FormatPolicy(),
                clock);
        return new Wired(authorize, prepare, slots, spools, reader);
    }

    @Test
    void noFrameworkIsOnTheClassPath() {
        for (String type : List.of(
                "io.quarkus.runtime.Quarkus",
                "jakarta.enterprise.inject.Produces",
                "jakarta.inject.Inject",
                "jakarta.ws.rs.Path")) {
            assertThatThrownBy(() -> Class.forName(type)).as(type).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void exportsCsvFromPostgresWithoutAContainer() throws Exception {
        ResourceType tickets = ResourceType.TICKETS;
        ExportRequest request = new ExportRequest(
                List.of(new ResourceSpec(
                        tickets,
                        ResourceFilters.parse(tickets, Map.of("status", List.of("open", "pending")), "filters"),
                        FieldSelection.parse(tickets, List.of("id", "status", "createdAt"), "fields"),
                        Optional.empty())),
                ExportFormat.CSV,
                Optional.of(new CsvOptions(false)));

        String csv;
        try (Wired exports = wire(TestPostgres.demoDatabase(), 1_000)) {
            try (PreparedExport export = exports.export(DemoDataset.LIVE_SECRET_KEY, request)) {
                assertThat(export.totalRows()).isEqualTo(1_000);
                assertThat(export.sections().get(0).summary().hasMore()).isTrue();
                assertThat(exports.reader().openSnapshots())
                        .as("read before it is sent")
                        .isZero();
                assertThat(exports.slots().held()).isEqualTo(1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                export.writeTo(out);
                csv = out.toString(StandardCharsets.UTF_8);
            }
            assertThat(exports.slots().held()).isZero();
            assertThat(exports.spools().diskInUse()).isZero();
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
        ExportRequest json = new ExportRequest(
                List.of(ResourceSpec.all(ResourceType.ARTICLES)), ExportFormat.JSON, Optional.empty());
        try (Wired exports = wire(TestPostgres.demoDatabase(), 10_000)) {
            assertThatThrownBy(() -> exports.export(DemoDataset.AGENT_SECRET_KEY, json))
                    .isInstanceOfSatisfying(
                            ExportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS));
            assertThatThrownBy(() -> exports.export(DemoDataset.LIVE_SECRET_KEY, json))
                    .isInstanceOfSatisfying(
                            ExportException.class, e -> assertThat(e.param()).isEqualTo("format"));
            assertThat(exports.slots().held())
                    .as("the refused caller's slot was given back")
                    .isZero();
        }
    }

    @Test
    void theWiredCoreCountsCallsCapsExportsAndThrottlesFailedKeysInPostgres() {
        ExportRequest csv =
                new ExportRequest(List.of(ResourceSpec.all(ResourceType.ARTICLES)), ExportFormat.CSV, Optional.empty());
        try (Wired exports = wire(TestPostgres.demoDatabase(), 10, new RateLimits(3, 1, Duration.ofHours(1)))) {
            List<RateLimitStatus> statuses = new ArrayList<>();
            // two exports in progress at once: the key's cap; a third is refused and not counted
            ExportPass first = exports.caller(DemoDataset.LIVE_SECRET_KEY, "192.0.2.10");
            ExportPass second = exports.caller(DemoDataset.LIVE_SECRET_KEY, "192.0.2.10");
            statuses.add(first.rateLimit());
            statuses.add(second.rateLimit());
            assertThatThrownBy(() -> exports.caller(DemoDataset.LIVE_SECRET_KEY, "192.0.2.10"))
                    .isInstanceOfSatisfying(
                            ExportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENCY_LIMIT_EXCEEDED));
            first.close();
            second.close();
            try (PreparedExport export = exports.export(DemoDataset.LIVE_SECRET_KEY, csv)) {
                assertThat(export.totalRows()).isEqualTo(10);
            }
            assertThatThrownBy(() -> exports.caller(DemoDataset.LIVE_SECRET_KEY, "192.0.2.10"))
                    .isInstanceOfSatisfying(
                            ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED));
            assertThat(statuses).extracting(RateLimitStatus::remaining).containsExactly(2L, 1L);

            String unknownKey = "sk_live_" + "A".repeat(32);
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> exports.caller(unknownKey, "192.0.2.66"))
                        .isInstanceOfSatisfying(
                                ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_API_KEY));
            }
            assertThatThrownBy(() -> exports.caller(unknownKey, "192.0.2.66"))
                    .isInstanceOfSatisfying(
                            ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED));
            // a valid key from that very address still passes
            exports.caller(DemoDataset.MANAGER_SECRET_KEY, "192.0.2.66").close();
        }
    }
}
