package com.helpdesk.export.application.service;

import com.helpdesk.export.application.port.in.ExportCommand;
import com.helpdesk.export.application.port.in.PreparedExport;
import com.helpdesk.export.application.service.Fakes.FakeKeyVerifier;
import com.helpdesk.export.application.service.Fakes.FakeRateLimiter;
import com.helpdesk.export.application.service.Fakes.FakeThrottle;
import com.helpdesk.export.application.service.Fakes.FakeReader;
import com.helpdesk.export.application.service.Fakes.FakeSerializer;
import com.helpdesk.export.application.service.Fakes.FakeSnapshot;
import com.helpdesk.export.application.service.Fakes.MemRow;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.policy.FormatPolicy;
import com.helpdesk.export.domain.policy.RowLimitPolicy;
import com.helpdesk.export.domain.port.ExportDocument;
import com.helpdesk.export.domain.port.KeyVerification;
import com.helpdesk.export.domain.port.PageSummary;
import com.helpdesk.export.domain.port.ResourceQuery;
import com.helpdesk.export.domain.port.ResourceSection;
import com.helpdesk.export.domain.port.Serializer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.helpdesk.export.domain.model.ResourceType.ARTICLES;
import static com.helpdesk.export.domain.model.ResourceType.CUSTOMERS;
import static com.helpdesk.export.domain.model.ResourceType.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportServiceTest {

    static final TeamId TEAM = new TeamId(UUID.fromString("1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10"));
    static final TeamId OTHER_TEAM = new TeamId(UUID.fromString("2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c9d"));
    static final Instant NOW = Instant.parse("2026-11-27T14:30:00Z");

    static final String LIVE_KEY = "sk_live_AbCdEfGh12345678";
    static final String TEST_KEY = "sk_test_AbCdEfGh12345678";
    static final String PUBLISHABLE_KEY = "pk_live_AbCdEfGh12345678";
    static final String REVOKED_KEY = "sk_live_Revoked000000000";
    static final String EXPIRED_KEY = "sk_live_Expired000000000";
    static final String OTHER_TEAM_KEY = "sk_live_OtherTeam0000000";
    static final String AGENT_KEY = "sk_live_Agent00000000000";
    static final String UNKNOWN_KEY = "sk_live_Unknown000000000";

    FakeKeyVerifier verifier;
    FakeThrottle throttle;
    FakeRateLimiter limiter;
    FakeReader reader;
    FakeSerializer json;
    FakeSerializer csv;
    ExportService service;

    static KeyVerification.Verified verified(TeamId team, Role role, KeyKind kind, Mode mode) {
        return new KeyVerification.Verified(UUID.randomUUID(), team, UUID.randomUUID(), role, kind, mode,
                (kind == KeyKind.SECRET ? "sk_" : "pk_") + mode.wireName() + "_AbCd");
    }

    @BeforeEach
    void setUp() {
        verifier = new FakeKeyVerifier()
                .answer(LIVE_KEY, verified(TEAM, Role.OWNER, KeyKind.SECRET, Mode.LIVE))
                .answer(TEST_KEY, verified(TEAM, Role.ADMIN, KeyKind.SECRET, Mode.TEST))
                .answer(PUBLISHABLE_KEY, verified(TEAM, Role.OWNER, KeyKind.PUBLISHABLE, Mode.LIVE))
                .answer(REVOKED_KEY, new KeyVerification.Rejected(KeyVerification.Reason.REVOKED))
                .answer(EXPIRED_KEY, new KeyVerification.Rejected(KeyVerification.Reason.EXPIRED))
                .answer(OTHER_TEAM_KEY, verified(OTHER_TEAM, Role.OWNER, KeyKind.SECRET, Mode.LIVE))
                .answer(AGENT_KEY, verified(TEAM, Role.AGENT, KeyKind.SECRET, Mode.LIVE));
        reader = new FakeReader();
        throttle = new FakeThrottle();
        limiter = new FakeRateLimiter();
        json = new FakeSerializer(ExportFormat.JSON);
        csv = new FakeSerializer(ExportFormat.CSV);
        service = service(RowLimitPolicy.contractDefault());
    }

    ExportService service(RowLimitPolicy limit) {
        return new ExportService(verifier, throttle, limiter, reader, List.of(json, csv), limit, new FormatPolicy(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A request source that counts its reads. */
    static final class Body implements ExportCommand.RequestSource {
        final AtomicInteger reads = new AtomicInteger();
        private final ExportCommand.RequestSource delegate;

        Body(ExportCommand.RequestSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public ExportRequest read() {
            reads.incrementAndGet();
            return delegate.read();
        }
    }

    static Body body(ExportFormat format, Optional<CsvOptions> csv, ResourceSpec... specs) {
        return new Body(() -> new ExportRequest(List.of(specs), format, csv));
    }

    static Body jsonBody(ResourceType... types) {
        List<ResourceSpec> specs = new ArrayList<>();
        for (ResourceType type : types) {
            specs.add(ResourceSpec.all(type));
        }
        return body(ExportFormat.JSON, Optional.empty(), specs.toArray(ResourceSpec[]::new));
    }

    static ExportCommand command(String key, String teamId, Body body) {
        return new ExportCommand(Optional.ofNullable(key), teamId, body, "req_123");
    }

    static MemRow row(ResourceType type, int n) {
        return new MemRow(type, new UUID(0, n), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), "row " + n);
    }

    static String written(PreparedExport export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class ChecksInTheContractsOrder {

        private void assertRefused(ExportCommand command, ErrorCode code, Body body) {
            assertThatThrownBy(() -> service.prepare(command)).isInstanceOfSatisfying(ExportException.class,
                    e -> assertThat(e.code()).isEqualTo(code));
            assertThat(body.reads).as("the request body was read").hasValue(0);
            assertThat(reader.opened).as("a snapshot was opened").isEmpty();
        }

        @Test
        void noKeyIsAuthenticationRequired() {
            Body body = jsonBody(TICKETS);
            assertRefused(command(null, "not-a-uuid", body), ErrorCode.AUTHENTICATION_REQUIRED, body);
            assertThat(verifier.asked).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "secret", "sk_live_", "rk_live_AbCdEfGh12345678", "Bearer sk_live_AbCdEfGh12345678",
                "sk_live_short"})
        void aKeyOfTheWrongFormatIsInvalidKeyFormat(String key) {
            Body body = jsonBody(TICKETS);
            assertRefused(command(key, "not-a-uuid", body), ErrorCode.INVALID_KEY_FORMAT, body);
            assertThat(verifier.asked).isEmpty();
        }

        @Test
        void anUnknownOrRevokedKeyIsInvalidApiKey() {
            Body body = jsonBody(TICKETS);
            assertRefused(command(UNKNOWN_KEY, "not-a-uuid", body), ErrorCode.INVALID_API_KEY, body);
            assertRefused(command(REVOKED_KEY, TEAM.toString(), body), ErrorCode.INVALID_API_KEY, body);
            assertThat(verifier.asked).hasSize(2);
        }

        @Test
        void anExpiredKeyIsKeyExpired() {
            Body body = jsonBody(TICKETS);
            assertRefused(command(EXPIRED_KEY, "not-a-uuid", body), ErrorCode.KEY_EXPIRED, body);
        }

        @Test
        void neverPutsTheWholeKeyInAMessage() {
            for (String key : List.of(UNKNOWN_KEY, REVOKED_KEY, EXPIRED_KEY, PUBLISHABLE_KEY, AGENT_KEY)) {
                assertThatThrownBy(() -> service.prepare(command(key, OTHER_TEAM.toString(), jsonBody(TICKETS))))
                        .isInstanceOfSatisfying(ExportException.class,
                                e -> assertThat(e.getMessage()).doesNotContain(key).doesNotContain(key.substring(8)));
            }
        }

        @Test
        void aPublishableKeyIsRefusedBeforeTheTeamIsLookedAt() {
            for (String teamId : List.of(TEAM.toString(), OTHER_TEAM.toString(), "not-a-uuid")) {
                Body body = jsonBody(TICKETS);
                assertThatThrownBy(() -> service.prepare(command(PUBLISHABLE_KEY, teamId, body)))
                        .isInstanceOfSatisfying(ExportException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS);
                            assertThat(e.getMessage()).isEqualTo("Secret key required for this endpoint");
                            assertThat(e.param()).isNull();
                        });
                assertThat(body.reads).hasValue(0);
            }
            assertThat(reader.opened).isEmpty();
        }

        @Test
        void aMalformedTeamIdIsAnInvalidParameter() {
            for (String key : List.of(LIVE_KEY, OTHER_TEAM_KEY, AGENT_KEY)) {
                for (String teamId : new String[] {"not-a-uuid", "", null, "1f0c7d2e6f2a4c1b9a513d8e2b7c9a10"}) {
                    Body body = jsonBody(TICKETS);
                    assertThatThrownBy(() -> service.prepare(command(key, teamId, body)))
                            .isInstanceOfSatisfying(ExportException.class, e -> {
                                assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                                assertThat(e.param()).isEqualTo("teamId");
                            });
                    assertThat(body.reads).hasValue(0);
                }
            }
            assertThat(reader.opened).isEmpty();
        }

        @Test
        void aKeyOfAnotherTeamIsDeniedWhetherOrNotTheTeamExists() {
            Body body = jsonBody(TICKETS);
            assertRefused(command(OTHER_TEAM_KEY, TEAM.toString(), body), ErrorCode.TEAM_ACCESS_DENIED, body);
            assertRefused(command(LIVE_KEY, OTHER_TEAM.toString(), body), ErrorCode.TEAM_ACCESS_DENIED, body);
            assertRefused(command(LIVE_KEY, UUID.randomUUID().toString(), body), ErrorCode.TEAM_ACCESS_DENIED, body);
            assertRefused(command(AGENT_KEY, OTHER_TEAM.toString(), body), ErrorCode.TEAM_ACCESS_DENIED, body);
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"LIBRARIAN", "AGENT", "SPECTATOR"})
        void aRoleWithoutExportDataIsInsufficientPermissions(Role role) {
            verifier.answer(AGENT_KEY, verified(TEAM, role, KeyKind.SECRET, Mode.LIVE));
            Body body = jsonBody(TICKETS);
            assertThatThrownBy(() -> service.prepare(command(AGENT_KEY, TEAM.toString(), body)))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS);
                        assertThat(e.getMessage()).contains(role.wireName()).contains("export_data");
                    });
            assertThat(body.reads).hasValue(0);
            assertThat(reader.opened).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"OWNER", "ADMIN", "MANAGER"})
        void aRoleWithExportDataMayExport(Role role) {
            verifier.answer(AGENT_KEY, verified(TEAM, role, KeyKind.SECRET, Mode.LIVE));
            Body body = jsonBody(TICKETS);
            try (PreparedExport export = service.prepare(command(AGENT_KEY, TEAM.toString(), body))) {
                assertThat(export.caller().role()).isEqualTo(role);
            }
            assertThat(body.reads).hasValue(1);
        }

        @Test
        void acceptsTheTeamIdInUpperCase() {
            try (PreparedExport export = service.prepare(command(LIVE_KEY, TEAM.toString().toUpperCase(),
                    jsonBody(TICKETS)))) {
                assertThat(export.document().team()).isEqualTo(TEAM);
            }
        }

        @Test
        void readsTheBodyOnlyAfterEveryCheckAndOnce() {
            Body body = jsonBody(TICKETS);
            service.prepare(command(LIVE_KEY, TEAM.toString(), body)).close();
            assertThat(body.reads).hasValue(1);
        }

        @Test
        void passesABodyErrorOnWithoutOpeningASnapshot() {
            ExportException bad = ExportException.unknown("resources[0].filters.colour");
            Body body = new Body(() -> {
                throw bad;
            });
            assertThatThrownBy(() -> service.prepare(command(LIVE_KEY, TEAM.toString(), body))).isSameAs(bad);
            assertThat(reader.opened).isEmpty();
        }
    }

    @Nested
    class Policies {

        @Test
        void refusesCsvWithSeveralResourcesBeforeOpeningASnapshot() {
            Body body = body(ExportFormat.CSV, Optional.empty(), ResourceSpec.all(TICKETS), ResourceSpec.all(CUSTOMERS));
            assertThatThrownBy(() -> service.prepare(command(LIVE_KEY, TEAM.toString(), body)))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo("resources");
                    });
            assertThat(reader.opened).isEmpty();
        }

        @Test
        void refusesCsvOptionsWithJson() {
            Body body = body(ExportFormat.JSON, Optional.of(new CsvOptions(true)), ResourceSpec.all(TICKETS));
            assertThatThrownBy(() -> service.prepare(command(LIVE_KEY, TEAM.toString(), body)))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo("csv");
                    });
            assertThat(reader.opened).isEmpty();
        }

        @Test
        void writesCsvWithTheCsvSerializerAndItsOptions() throws IOException {
            reader.add(new Scope(TEAM, Mode.LIVE), row(TICKETS, 1));
            Body body = body(ExportFormat.CSV, Optional.of(new CsvOptions(true)),
                    new ResourceSpec(TICKETS, ResourceFilters.none(TICKETS),
                            TICKETS.selectFields(List.of("title", "id"), "f"), Optional.empty()));
            PreparedExport export = service.prepare(command(LIVE_KEY, TEAM.toString(), body));
            assertThat(export.document().format()).isEqualTo(ExportFormat.CSV);
            assertThat(export.document().csv()).isEqualTo(new CsvOptions(true));
            assertThat(written(export)).isEqualTo("csv bom=true total=1\ntickets 1 false\nrow 1|" + new UUID(0, 1) + "\n");
            assertThat(csv.written).hasSize(1);
            assertThat(json.written).isEmpty();
        }

        @Test
        void writesJsonByDefaultWithDefaultCsvOptions() throws IOException {
            PreparedExport export = service.prepare(command(LIVE_KEY, TEAM.toString(), jsonBody(TICKETS)));
            assertThat(export.document().csv()).isEqualTo(CsvOptions.DEFAULT);
            assertThat(written(export)).startsWith("json bom=false total=0\n");
            assertThat(json.written).hasSize(1);
            assertThat(csv.written).isEmpty();
        }

        @Test
        void appliesTheConfiguredRowLimitToEveryResource() throws IOException {
            Scope scope = new Scope(TEAM, Mode.LIVE);
            for (int i = 5; i >= 1; i--) {
                reader.add(scope, row(TICKETS, i));
            }
            reader.add(scope, row(CUSTOMERS, 1)).add(scope, row(CUSTOMERS, 2));
            service = service(RowLimitPolicy.configured(2).orThrow());

            PreparedExport export = service.prepare(command(LIVE_KEY, TEAM.toString(),
                    jsonBody(TICKETS, CUSTOMERS, ARTICLES)));
            FakeSnapshot snapshot = reader.only();
            assertThat(snapshot.summarized).extracting(ResourceQuery::limit).containsExactly(2, 2, 2);
            assertThat(export.document().maxRowsPerResource()).isEqualTo(2);
            assertThat(export.document().sections()).extracting(ResourceSection::summary).containsExactly(
                    new PageSummary(2, true, Optional.of(row(TICKETS, 2).cursor())),
                    new PageSummary(2, false, Optional.empty()),
                    new PageSummary(0, false, Optional.empty()));
            assertThat(export.document().totalRows()).isEqualTo(4);
            assertThat(written(export)).isEqualTo("json bom=false total=4\n"
                    + "tickets 2 true\n" + new UUID(0, 1) + "|row 1|null|null|null|null|null|null|null|"
                    + row(TICKETS, 1).createdAt() + "|null|null\n"
                    + new UUID(0, 2) + "|row 2|null|null|null|null|null|null|null|" + row(TICKETS, 2).createdAt()
                    + "|null|null\n"
                    + "customers 2 false\n" + new UUID(0, 1) + "|row 1|null|null|null|null|null|null|"
                    + row(CUSTOMERS, 1).createdAt() + "|null\n"
                    + new UUID(0, 2) + "|row 2|null|null|null|null|null|null|" + row(CUSTOMERS, 2).createdAt()
                    + "|null\n"
                    + "articles 0 false\n");
        }

        @Test
        void usesTheContractLimitByDefault() {
            service.prepare(command(LIVE_KEY, TEAM.toString(), jsonBody(TICKETS))).close();
            assertThat(reader.only().summarized).extracting(ResourceQuery::limit).containsExactly(10_000);
        }
    }

    @Nested
    class Snapshot {

        @Test
        void opensOneSnapshotWithTheKeysTeamAndMode() {
            service.prepare(command(TEST_KEY, TEAM.toString(), jsonBody(TICKETS, CUSTOMERS, ARTICLES))).close();
            assertThat(reader.only().scope).isEqualTo(new Scope(TEAM, Mode.TEST));
            assertThat(reader.only().summarized).extracting(ResourceQuery::type)
                    .containsExactly(TICKETS, CUSTOMERS, ARTICLES);
        }

        @Test
        void takesTheModeFromTheVerifiedKeyNotFromWhatTheCallerSent() {
            // the verifier is the authority: a key it knows as a test key reads test rows
            verifier.answer(LIVE_KEY, verified(TEAM, Role.OWNER, KeyKind.SECRET, Mode.TEST));
            service.prepare(command(LIVE_KEY, TEAM.toString(), jsonBody(TICKETS))).close();
            assertThat(reader.only().scope).isEqualTo(new Scope(TEAM, Mode.TEST));
        }

        @Test
        void seesOnlyTheRowsOfItsScope() throws IOException {
            reader.add(new Scope(TEAM, Mode.LIVE), row(TICKETS, 1))
                    .add(new Scope(TEAM, Mode.TEST), row(TICKETS, 2))
                    .add(new Scope(OTHER_TEAM, Mode.LIVE), row(TICKETS, 3));
            PreparedExport export = service.prepare(command(TEST_KEY, TEAM.toString(), jsonBody(TICKETS)));
            assertThat(written(export)).contains(new UUID(0, 2).toString())
                    .doesNotContain(new UUID(0, 1).toString()).doesNotContain(new UUID(0, 3).toString());
        }

        @Test
        void passesFiltersCursorAndTypeOfEachResource() {
            Cursor after = row(TICKETS, 1).cursor();
            ResourceFilters filters = ResourceFilters.parse(TICKETS, Map.of("status", "open"), "resources[0].filters");
            Body body = body(ExportFormat.JSON, Optional.empty(),
                    new ResourceSpec(TICKETS, filters, TICKETS.fields(), Optional.of(after)),
                    ResourceSpec.all(ARTICLES));
            service.prepare(command(LIVE_KEY, TEAM.toString(), body)).close();
            assertThat(reader.only().summarized).containsExactly(
                    new ResourceQuery(TICKETS, filters, Optional.of(after), 10_000),
                    new ResourceQuery(ARTICLES, ResourceFilters.none(ARTICLES), Optional.empty(), 10_000));
        }

        @Test
        void streamsRowsOnlyWhenWrittenAndClosesTheSnapshotAfterwards() throws IOException {
            reader.add(new Scope(TEAM, Mode.LIVE), row(TICKETS, 1));
            PreparedExport export = service.prepare(command(LIVE_KEY, TEAM.toString(), jsonBody(TICKETS)));
            FakeSnapshot snapshot = reader.only();
            assertThat(snapshot.streamed).isEmpty();
            assertThat(snapshot.closeCount).isZero();

            written(export);
            assertThat(snapshot.streamed).hasSize(1);
            assertThat(snapshot.closeCount).isEqualTo(1);

            export.close();
            assertThat(snapshot.closeCount).as("closing again does nothing").isEqualTo(1);
            assertThatThrownBy(() -> export.writeTo(new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(reader.opened).hasSize(1);
        }

        @Test
        void closesTheSnapshotWhenWritingFails() {
            IOException failure = new IOException("client went away");
            json.failure = failure;
            PreparedExport export = service.prepare(command(LIVE_KEY, TEAM.toString(), jsonBody(TICKETS)));
            assertThatThrownBy(() -> export.writeTo(new ByteArrayOutputStream())).isSameAs(failure);
            assertThat(reader.only().closeCount).isEqualTo(1);
        }

        @Test
        void closesAPreparedExportThatIsNeverWritten() {
            PreparedExport export = service.prepare(command(LIVE_KEY, TEAM.toString(), jsonBody(TICKETS)));
            export.close();
            assertThat(reader.only().closeCount).isEqualTo(1);
            assertThat(reader.only().streamed).isEmpty();
        }

        @Test
        void closesTheSnapshotWhenSummarizingFails() {
            ExportException down = new ExportException(ErrorCode.SERVICE_UNAVAILABLE, "database unreachable");
            reader.summarizeFailure = q -> q.type() == CUSTOMERS ? down : null;
            ThrowingCallable prepare = () -> service.prepare(command(LIVE_KEY, TEAM.toString(),
                    jsonBody(TICKETS, CUSTOMERS, ARTICLES)));
            assertThatThrownBy(prepare).isSameAs(down);
            FakeSnapshot snapshot = reader.only();
            assertThat(snapshot.closeCount).isEqualTo(1);
            assertThat(snapshot.summarized).extracting(ResourceQuery::type).containsExactly(TICKETS, CUSTOMERS);
        }

        @Test
        void closesTheSnapshotWhenSummarizingFailsUnexpectedly() {
            IllegalStateException bug = new IllegalStateException("boom");
            reader.summarizeFailure = q -> bug;
            assertThatThrownBy(() -> service.prepare(command(LIVE_KEY, TEAM.toString(), jsonBody(TICKETS))))
                    .isSameAs(bug);
            assertThat(reader.only().closeCount).isEqualTo(1);
        }
    }

    @Nested
    class Document {

        @Test
        void carriesTheRequestTeamTimeFieldsAndTotals() {
            Scope scope = new Scope(TEAM, Mode.LIVE);
            reader.add(scope, row(TICKETS, 1)).add(scope, row(TICKETS, 2)).add(scope, row(ARTICLES, 7));
            Body body = body(ExportFormat.JSON, Optional.empty(),
                    new ResourceSpec(ARTICLES, ResourceFilters.none(ARTICLES),
                            ARTICLES.selectFields(List.of("createdAt", "id"), "f"), Optional.empty()),
                    ResourceSpec.all(TICKETS));
            try (PreparedExport export = service.prepare(command(LIVE_KEY, TEAM.toString(), body))) {
                ExportDocument document = export.document();
                assertThat(document.requestId()).isEqualTo("req_123");
                assertThat(document.team()).isEqualTo(TEAM);
                assertThat(document.generatedAt()).isEqualTo(NOW);
                assertThat(document.format()).isEqualTo(ExportFormat.JSON);
                assertThat(document.maxRowsPerResource()).isEqualTo(10_000);
                assertThat(document.sections()).extracting(ResourceSection::type).containsExactly(ARTICLES, TICKETS);
                assertThat(document.sections().get(0).fields()).extracting(f -> f.name())
                        .containsExactly("createdAt", "id");
                assertThat(document.sections().get(1).fields()).isEqualTo(TICKETS.fields());
                assertThat(document.sections()).extracting(s -> s.summary().rows()).containsExactly(1, 2);
                assertThat(document.totalRows()).isEqualTo(3);
                assertThat(export.caller().team()).isEqualTo(TEAM);
                assertThat(export.caller().displayPrefix()).isEqualTo("sk_live_AbCd");
            }
        }

        @Test
        void continuesAfterTheGivenCursor() throws IOException {
            Scope scope = new Scope(TEAM, Mode.LIVE);
            for (int i = 1; i <= 3; i++) {
                reader.add(scope, row(CUSTOMERS, i));
            }
            service = service(RowLimitPolicy.configured(1).orThrow());
            PreparedExport first = service.prepare(command(LIVE_KEY, TEAM.toString(), jsonBody(CUSTOMERS)));
            PageSummary page = first.document().sections().get(0).summary();
            first.close();
            assertThat(page.hasMore()).isTrue();

            Body next = body(ExportFormat.JSON, Optional.empty(), new ResourceSpec(CUSTOMERS,
                    ResourceFilters.none(CUSTOMERS), CUSTOMERS.selectFields(List.of("name"), "f"), page.nextCursor()));
            assertThat(written(service.prepare(command(LIVE_KEY, TEAM.toString(), next))))
                    .isEqualTo("json bom=false total=1\ncustomers 1 true\nrow 2\n");
        }
    }

    static ExportCommand observed(String key, String teamId, Body body, List<RateLimitStatus> seen) {
        return new ExportCommand(Optional.ofNullable(key), teamId, body, "req_123", "203.0.113.9", seen::add);
    }

    @Nested
    class RateLimitsAndThrottling {

        @Test
        void everyAllowedCallIsCountedAndItsStatusObservedBeforeTheBodyIsRead() throws Exception {
            List<RateLimitStatus> seen = new ArrayList<>();
            Body body = jsonBody(ARTICLES);
            try (PreparedExport export = service.prepare(observed(LIVE_KEY, TEAM.toString(), body, seen))) {
                assertThat(export).isNotNull();
            }
            assertThat(seen).singleElement().satisfies(s -> {
                assertThat(s.allowed()).isTrue();
                assertThat(s.remaining()).isEqualTo(999);
            });
            assertThat(limiter.consumed).hasSize(1);
        }

        @Test
        void overTheLimitIsRateLimitExceededWithRetryAfterAndNothingIsRead() {
            limiter.limit = 2;
            for (int i = 0; i < 2; i++) {
                service.prepare(command(LIVE_KEY, TEAM.toString(), jsonBody(ARTICLES))).close();
            }
            List<RateLimitStatus> seen = new ArrayList<>();
            Body body = jsonBody(ARTICLES);
            int snapshotsBefore = reader.opened.size();
            assertThatThrownBy(() -> service.prepare(observed(LIVE_KEY, TEAM.toString(), body, seen)))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
                        assertThat(e.retryAfterSeconds()).hasValue(90);
                    });
            assertThat(body.reads).hasValue(0);
            assertThat(reader.opened).hasSize(snapshotsBefore);
            assertThat(seen).singleElement().satisfies(s -> assertThat(s.allowed()).isFalse());
        }

        @Test
        void refusalsAfterAuthenticationCarryTheStatusWithoutCountingTheCall() {
            for (String[] call : new String[][] {{PUBLISHABLE_KEY, TEAM.toString()}, {LIVE_KEY, OTHER_TEAM.toString()},
                    {AGENT_KEY, TEAM.toString()}, {LIVE_KEY, "not-a-uuid"}}) {
                List<RateLimitStatus> seen = new ArrayList<>();
                assertThatThrownBy(() -> service.prepare(observed(call[0], call[1], jsonBody(ARTICLES), seen)))
                        .isInstanceOf(ExportException.class);
                assertThat(seen).as(call[0] + " " + call[1]).hasSize(1);
            }
            assertThat(limiter.consumed).isEmpty();
            assertThat(limiter.peeked).hasSize(4);
        }

        @Test
        void failedAuthenticationsAreNotCountedAgainstAKeyButAgainstTheAddress() {
            for (String key : new String[] {UNKNOWN_KEY, REVOKED_KEY, EXPIRED_KEY, "sk_live_bad"}) {
                List<RateLimitStatus> seen = new ArrayList<>();
                assertThatThrownBy(() -> service.prepare(observed(key, TEAM.toString(), jsonBody(ARTICLES), seen)))
                        .isInstanceOf(ExportException.class);
                assertThat(seen).isEmpty();
            }
            assertThat(limiter.consumed).isEmpty();
            assertThat(limiter.peeked).isEmpty();
            assertThat(throttle.failures).containsEntry("203.0.113.9", 4);
        }

        @Test
        void aThrottledAddressIsRefusedBeforeItsKeyIsLookedAt() {
            throttle.max = 3;
            throttle.failures.put("203.0.113.9", 3);
            int lookups = verifier.asked.size();
            assertThatThrownBy(() -> service.prepare(observed(LIVE_KEY, TEAM.toString(), jsonBody(ARTICLES),
                    new ArrayList<>()))).isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
                        assertThat(e.retryAfterSeconds()).hasValue(43);
                    });
            assertThat(verifier.asked.size()).isEqualTo(lookups);
            // other addresses are not affected
            service.prepare(command(LIVE_KEY, TEAM.toString(), jsonBody(ARTICLES))).close();
        }

        @Test
        void aMissingKeyIsNotAGuess() {
            assertThatThrownBy(() -> service.prepare(observed(null, TEAM.toString(), jsonBody(ARTICLES),
                    new ArrayList<>()))).isInstanceOf(ExportException.class);
            assertThat(throttle.failures).isEmpty();
        }
    }

    @Nested
    class Construction {

        @Test
        void needsAThrottleAndARateLimiter() {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            List<Serializer> both = List.of(json, csv);
            assertThatThrownBy(() -> new ExportService(verifier, null, limiter, reader, both,
                    RowLimitPolicy.contractDefault(), new FormatPolicy(), clock)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new ExportService(verifier, throttle, null, reader, both,
                    RowLimitPolicy.contractDefault(), new FormatPolicy(), clock)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void aServiceMayOfferOnlySomeFormatsAndRefusesTheOthersBeforeReading() {
            ExportService jsonOnly = new ExportService(verifier, throttle, limiter, reader, List.of(json),
                    RowLimitPolicy.contractDefault(), new FormatPolicy(), Clock.fixed(NOW, ZoneOffset.UTC));
            Body csvBody = body(ExportFormat.CSV, Optional.empty(), ResourceSpec.all(TICKETS));
            assertThatThrownBy(() -> jsonOnly.prepare(command(LIVE_KEY, TEAM.toString(), csvBody)))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo("format");
                    });
            assertThat(reader.opened).isEmpty();
        }

        @Test
        void needsAtMostOneSerializerPerFormatAndAtLeastOne() {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            assertThatThrownBy(() -> new ExportService(verifier, throttle, limiter, reader, List.of(), RowLimitPolicy.contractDefault(),
                    new FormatPolicy(), clock)).isInstanceOf(IllegalArgumentException.class);
            List<Serializer> twoJson = List.of(json, csv, new FakeSerializer(ExportFormat.JSON));
            assertThatThrownBy(() -> new ExportService(verifier, throttle, limiter, reader, twoJson, RowLimitPolicy.contractDefault(),
                    new FormatPolicy(), clock)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void needsEveryCollaborator() {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            List<Serializer> both = List.of(json, csv);
            assertThatThrownBy(() -> new ExportService(null, throttle, limiter, reader, both, RowLimitPolicy.contractDefault(),
                    new FormatPolicy(), clock)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new ExportService(verifier, throttle, limiter, null, both, RowLimitPolicy.contractDefault(),
                    new FormatPolicy(), clock)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new ExportService(verifier, throttle, limiter, reader, both, null, new FormatPolicy(), clock))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new ExportService(verifier, throttle, limiter, reader, both, RowLimitPolicy.contractDefault(),
                    null, clock)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new ExportService(verifier, throttle, limiter, reader, both, RowLimitPolicy.contractDefault(),
                    new FormatPolicy(), null)).isInstanceOf(NullPointerException.class);
        }
    }
}
