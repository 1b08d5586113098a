package com.helpdesk.export.application.service;

import static com.helpdesk.export.domain.model.ResourceType.ARTICLES;
import static com.helpdesk.export.domain.model.ResourceType.CUSTOMERS;
import static com.helpdesk.export.domain.model.ResourceType.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.application.port.in.Admission;
import com.helpdesk.export.application.port.in.ExportCredentials;
import com.helpdesk.export.application.port.in.ExportPass;
import com.helpdesk.export.application.port.in.PreparedExport;
import com.helpdesk.export.application.service.Fakes.Events;
import com.helpdesk.export.application.service.Fakes.FakeKeyVerifier;
import com.helpdesk.export.application.service.Fakes.FakeRateLimiter;
import com.helpdesk.export.application.service.Fakes.FakeReader;
import com.helpdesk.export.application.service.Fakes.FakeSerializer;
import com.helpdesk.export.application.service.Fakes.FakeSlots;
import com.helpdesk.export.application.service.Fakes.FakeSnapshot;
import com.helpdesk.export.application.service.Fakes.FakeSpool;
import com.helpdesk.export.application.service.Fakes.FakeSpoolStore;
import com.helpdesk.export.application.service.Fakes.FakeThrottle;
import com.helpdesk.export.application.service.Fakes.MemRow;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.error.SpoolFullException;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportRequest;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceSpec;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.policy.ConcurrencyLimits;
import com.helpdesk.export.domain.policy.FormatPolicy;
import com.helpdesk.export.domain.policy.RowLimitPolicy;
import com.helpdesk.export.domain.port.Serializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrepareExportServiceTest {

    static final TeamId TEAM = new TeamId(UUID.fromString("1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10"));
    static final TeamId OTHER_TEAM = new TeamId(UUID.fromString("2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c9d"));
    static final Instant NOW = Instant.parse("2026-11-27T14:30:00Z");
    static final String REQUEST_ID = "req_123";

    static final String LIVE_KEY = "sk_live_AbCdEfGh12345678";
    static final String TEST_KEY = "sk_test_AbCdEfGh12345678";

    /** The head line the fake serializer writes for a JSON export of TEAM at NOW with the contract's limit. */
    static final String JSON_HEAD = "json req_123 " + TEAM + " " + NOW + " bom=false max=10000 total=";

    FakeKeyVerifier verifier;
    FakeSlots slots;
    FakeRateLimiter limiter;
    AuthorizeExportService authorizer;
    FakeReader reader;
    FakeSpoolStore spools;
    FakeSerializer json;
    FakeSerializer csv;
    Events events;
    PrepareExportService service;

    @BeforeEach
    void setUp() {
        verifier = new FakeKeyVerifier()
                .answer(LIVE_KEY, verified(TEAM, Mode.LIVE))
                .answer(TEST_KEY, verified(TEAM, Mode.TEST));
        slots = new FakeSlots(ConcurrencyLimits.contractDefault());
        limiter = new FakeRateLimiter();
        authorizer = new AuthorizeExportService(
                verifier, new FakeThrottle(), slots, limiter, ConcurrencyLimits.contractDefault());
        events = new Events();
        reader = new FakeReader();
        reader.events = events;
        spools = new FakeSpoolStore();
        spools.events = events;
        json = new FakeSerializer(ExportFormat.JSON);
        json.events = events;
        csv = new FakeSerializer(ExportFormat.CSV);
        csv.events = events;
        service = service(RowLimitPolicy.contractDefault());
    }

    static KeyVerification.Verified verified(TeamId team, Mode mode) {
        return new KeyVerification.Verified(
                UUID.randomUUID(),
                team,
                UUID.randomUUID(),
                Role.OWNER,
                KeyKind.SECRET,
                mode,
                "sk_" + mode.wireName() + "_AbCd");
    }

    PrepareExportService service(RowLimitPolicy limit) {
        return new PrepareExportService(
                reader, spools, List.of(json, csv), limit, new FormatPolicy(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    ExportPass authorize(String key) {
        Admission answer =
                authorizer.authorize(new ExportCredentials(Optional.of(key), TEAM.toString(), "203.0.113.9"));
        assertThat(answer).isInstanceOf(Admission.Granted.class);
        return ((Admission.Granted) answer).pass();
    }

    PreparedExport prepare(ExportRequest request) {
        return service.prepare(authorize(LIVE_KEY), request, REQUEST_ID, Cancellation.never());
    }

    static ExportRequest json(ResourceSpec... specs) {
        return new ExportRequest(List.of(specs), ExportFormat.JSON, Optional.empty());
    }

    static ExportRequest jsonOf(ResourceType... types) {
        List<ResourceSpec> specs = new ArrayList<>();
        for (ResourceType type : types) {
            specs.add(ResourceSpec.all(type));
        }
        return new ExportRequest(specs, ExportFormat.JSON, Optional.empty());
    }

    static ResourceSpec spec(ResourceType type, String... fields) {
        return spec(type, Optional.empty(), fields);
    }

    static ResourceSpec spec(ResourceType type, Optional<Cursor> after, String... fields) {
        return new ResourceSpec(
                type, ResourceFilters.none(type), FieldSelection.parse(type, List.of(fields), "f"), after);
    }

    static MemRow row(ResourceType type, int n) {
        return new MemRow(
                type, new UUID(0, n), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), "row " + n);
    }

    static String id(int n) {
        return new UUID(0, n).toString();
    }

    static String written(PreparedExport export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The bytes of the rows of the export's resource {@code i}, where the fake serializer's document has them. */
    static String rows(PreparedExport export, int i) throws IOException {
        SpoolRange range = export.body().get(2 + 2 * i);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.spool().copyTo(range.from(), range.to(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    void addRows(Scope scope, ResourceType type, int... ns) {
        for (int n : ns) {
            reader.add(scope, row(type, n));
        }
    }

    static final Scope LIVE = new Scope(TEAM, Mode.LIVE);

    @Nested
    class OnlyForAuthorizedCallers {

        @Test
        void refusesAnAuthorizedExportNotMadeByTheAuthorizeService() {
            KeyVerification.Verified caller = verified(TEAM, Mode.LIVE);
            List<String> closed = new ArrayList<>();
            ExportPass forged = new ExportPass() {
                @Override
                public KeyVerification.Verified caller() {
                    return caller;
                }

                @Override
                public TeamId team() {
                    return TEAM;
                }

                @Override
                public RateLimitStatus rateLimit() {
                    return new RateLimitStatus(true, 1_000, 999, NOW, Duration.ofHours(1), Duration.ZERO);
                }

                @Override
                public void close() {
                    closed.add("closed");
                }
            };
            assertThatThrownBy(() -> service.prepare(forged, jsonOf(TICKETS), REQUEST_ID, Cancellation.never()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> service.prepare(null, jsonOf(TICKETS), REQUEST_ID, Cancellation.never()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(reader.opened).isEmpty();
            assertThat(reader.cancellations).isEmpty();
            assertThat(spools.created).isEmpty();
            assertThat(closed).isEmpty();
        }

        @Test
        void oneAuthorizationPreparesOneExportAndAClosedOneNone() {
            ExportPass authorized = authorize(LIVE_KEY);
            PreparedExport first = service.prepare(authorized, jsonOf(TICKETS), REQUEST_ID, Cancellation.never());
            assertThatThrownBy(() -> service.prepare(authorized, jsonOf(TICKETS), REQUEST_ID, Cancellation.never()))
                    .as("a second export on one slot")
                    .isInstanceOf(IllegalStateException.class);
            first.close();
            assertThat(slots.held()).isZero();

            ExportPass closed = authorize(LIVE_KEY);
            closed.close();
            assertThatThrownBy(() -> service.prepare(closed, jsonOf(TICKETS), REQUEST_ID, Cancellation.never()))
                    .as("an export without a slot")
                    .isInstanceOf(IllegalStateException.class);
            assertThat(reader.opened).hasSize(1);
        }

        @Test
        void anAuthorizationWhoseExportWasRefusedCanStillBeUsed() {
            ExportPass authorized = authorize(LIVE_KEY);
            assertThatThrownBy(() -> service.prepare(
                            authorized,
                            new ExportRequest(
                                    List.of(spec(TICKETS, "id"), spec(CUSTOMERS, "id")),
                                    ExportFormat.CSV,
                                    Optional.empty()),
                            REQUEST_ID,
                            Cancellation.never()))
                    .isInstanceOf(ExportException.class);
            service.prepare(authorized, jsonOf(TICKETS), REQUEST_ID, Cancellation.never())
                    .close();
            assertThat(slots.held()).isZero();
        }

        @Test
        void needsARequestARequestIdAndACancellation() {
            ExportPass authorized = authorize(LIVE_KEY);
            assertThatThrownBy(() -> service.prepare(authorized, null, REQUEST_ID, Cancellation.never()))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> service.prepare(authorized, jsonOf(TICKETS), null, Cancellation.never()))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> service.prepare(authorized, jsonOf(TICKETS), REQUEST_ID, null))
                    .isInstanceOf(NullPointerException.class);
            assertThat(spools.created).isEmpty();
            assertThat(slots.held()).isEqualTo(1);
        }
    }

    @Nested
    class Policies {

        private void assertRefusedBeforeAnythingIsOpened(
                PrepareExportService service, ExportRequest request, String param) {
            ExportPass authorized = authorize(LIVE_KEY);
            assertThatThrownBy(() -> service.prepare(authorized, request, REQUEST_ID, Cancellation.never()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo(param);
                    });
            assertThat(reader.opened).as("snapshots opened").isEmpty();
            assertThat(spools.created).as("spools created").isEmpty();
            assertThat(slots.held()).as("the caller still owns its slot").isEqualTo(1);
            authorized.close();
            assertThat(slots.held()).isZero();
        }

        @Test
        void refusesCsvWithSeveralResourcesBeforeOpeningAnything() {
            assertRefusedBeforeAnythingIsOpened(
                    service,
                    new ExportRequest(
                            List.of(ResourceSpec.all(TICKETS), ResourceSpec.all(CUSTOMERS)),
                            ExportFormat.CSV,
                            Optional.empty()),
                    "resources");
        }

        @Test
        void refusesCsvOptionsWithJsonBeforeOpeningAnything() {
            assertRefusedBeforeAnythingIsOpened(
                    service,
                    new ExportRequest(
                            List.of(ResourceSpec.all(TICKETS)), ExportFormat.JSON, Optional.of(new CsvOptions(true))),
                    "csv");
        }

        @Test
        void refusesAFormatThisServiceDoesNotOfferBeforeOpeningAnything() {
            PrepareExportService jsonOnly = new PrepareExportService(
                    reader,
                    spools,
                    List.of(json),
                    RowLimitPolicy.contractDefault(),
                    new FormatPolicy(),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            assertRefusedBeforeAnythingIsOpened(
                    jsonOnly,
                    new ExportRequest(List.of(ResourceSpec.all(TICKETS)), ExportFormat.CSV, Optional.empty()),
                    "format");
        }

        @Test
        void writesCsvWithTheCsvSerializerAndItsOptions() throws IOException {
            addRows(LIVE, TICKETS, 1);
            PreparedExport export = prepare(new ExportRequest(
                    List.of(spec(TICKETS, "title", "id")), ExportFormat.CSV, Optional.of(new CsvOptions(true))));
            assertThat(export.head().format()).isEqualTo(ExportFormat.CSV);
            assertThat(export.head().csv()).isEqualTo(new CsvOptions(true));
            assertThat(export.delivery()).isEqualTo(Delivery.inline("fake/csv"));
            assertThat(written(export))
                    .isEqualTo("csv req_123 " + TEAM + " " + NOW + " bom=true max=10000 total=1\n"
                            + "== tickets 1 false -\n[tickets]\nrow 1|" + id(1) + "\n[/tickets]\n== end\n");
            assertThat(csv.rowsCalls).containsExactly(TICKETS);
            assertThat(csv.finished).hasSize(1);
            assertThat(json.rowsCalls).isEmpty();
            assertThat(json.finished).isEmpty();
        }

        @Test
        void writesJsonWithDefaultCsvOptions() throws IOException {
            PreparedExport export = prepare(json(spec(TICKETS, "id")));
            assertThat(export.head().csv()).isEqualTo(CsvOptions.DEFAULT);
            assertThat(written(export))
                    .isEqualTo(JSON_HEAD + "0\n== tickets 0 false -\n[tickets]\n[/tickets]\n" + "== end\n");
            assertThat(json.finished).hasSize(1);
            assertThat(csv.rowsCalls).isEmpty();
            assertThat(csv.finished).isEmpty();
        }

        @Test
        void appliesTheConfiguredRowLimitToEveryResource() throws IOException {
            addRows(LIVE, TICKETS, 5, 4, 3, 2, 1);
            addRows(LIVE, CUSTOMERS, 2, 1);
            service = service(RowLimitPolicy.configured(2));

            PreparedExport export =
                    prepare(json(spec(TICKETS, "id", "title"), spec(CUSTOMERS, "name"), spec(ARTICLES, "id")));
            assertThat(reader.only().queries).extracting(ResourceQuery::limit).containsExactly(2, 2, 2);
            assertThat(export.head().maxRowsPerResource()).isEqualTo(2);
            assertThat(export.sections())
                    .extracting(ExportSection::summary)
                    .containsExactly(
                            new PageSummary(2, true, Optional.of(row(TICKETS, 2).cursor())),
                            new PageSummary(2, false, Optional.empty()),
                            new PageSummary(0, false, Optional.empty()));
            assertThat(export.totalRows()).isEqualTo(4);
            assertThat(written(export))
                    .isEqualTo("json req_123 " + TEAM + " " + NOW + " bom=false max=2 total=4\n"
                            + "== tickets 2 true " + row(TICKETS, 2).cursor().encode() + "\n"
                            + "[tickets]\n" + id(1) + "|row 1\n" + id(2) + "|row 2\n[/tickets]\n"
                            + "== customers 2 false -\n[customers]\nrow 1\nrow 2\n[/customers]\n"
                            + "== articles 0 false -\n[articles]\n[/articles]\n"
                            + "== end\n");
        }

        @Test
        void usesTheContractLimitByDefault() {
            prepare(jsonOf(TICKETS, ARTICLES)).close();
            assertThat(reader.only().queries).extracting(ResourceQuery::limit).containsExactly(10_000, 10_000);
        }
    }

    @Nested
    class Snapshot {

        @Test
        void opensOneSnapshotWithTheKeysTeamAndMode() {
            service.prepare(authorize(TEST_KEY), jsonOf(TICKETS, CUSTOMERS, ARTICLES), REQUEST_ID, Cancellation.never())
                    .close();
            assertThat(reader.only().scope).isEqualTo(new Scope(TEAM, Mode.TEST));
            assertThat(reader.only().queries)
                    .extracting(ResourceQuery::type)
                    .containsExactly(TICKETS, CUSTOMERS, ARTICLES);
        }

        @Test
        void takesTheModeFromTheVerifiedKeyNotFromWhatTheCallerSent() {
            // the verifier is the authority: a key it knows as a test key reads test rows, whatever its text says
            verifier.answer(LIVE_KEY, verified(TEAM, Mode.TEST));
            prepare(jsonOf(TICKETS)).close();
            assertThat(reader.only().scope).isEqualTo(new Scope(TEAM, Mode.TEST));
        }

        @Test
        void seesOnlyTheRowsOfItsScope() throws IOException {
            reader.add(LIVE, row(TICKETS, 1))
                    .add(new Scope(TEAM, Mode.TEST), row(TICKETS, 2))
                    .add(new Scope(OTHER_TEAM, Mode.LIVE), row(TICKETS, 3));
            PreparedExport export =
                    service.prepare(authorize(TEST_KEY), json(spec(TICKETS, "id")), REQUEST_ID, Cancellation.never());
            assertThat(written(export)).contains(id(2)).doesNotContain(id(1)).doesNotContain(id(3));
        }

        @Test
        void passesTypeFiltersFieldsAndCursorOfEachResource() {
            Cursor after = row(TICKETS, 1).cursor();
            ResourceFilters filters = ResourceFilters.parse(TICKETS, Map.of("status", "open"), "resources[0].filters");
            FieldSelection fields = FieldSelection.parse(TICKETS, List.of("status", "id"), "f");
            prepare(json(new ResourceSpec(TICKETS, filters, fields, Optional.of(after)), ResourceSpec.all(ARTICLES)))
                    .close();
            assertThat(reader.only().queries)
                    .containsExactly(
                            new ResourceQuery(
                                    TICKETS,
                                    filters,
                                    TICKETS.selectFields(List.of("status", "id"), "f"),
                                    Optional.of(after),
                                    10_000),
                            new ResourceQuery(
                                    ARTICLES,
                                    ResourceFilters.none(ARTICLES),
                                    ARTICLES.fields(),
                                    Optional.empty(),
                                    10_000));
        }

        @Test
        void readsEveryResourceOnceInRequestOrderIntoOneSpoolAndClosesTheSnapshotBeforeReturning() throws IOException {
            PreparedExport export = prepare(jsonOf(CUSTOMERS, ARTICLES, TICKETS));
            assertThat(events.log)
                    .as("the spool is made before any row is written")
                    .containsSubsequence("create spool", "rows customers");
            assertThat(events.log.stream().filter(e -> !e.equals("create spool")))
                    .containsExactly(
                            "start json",
                            "open snapshot",
                            "custom fields customers",
                            "rows customers",
                            "read customers",
                            "finish customers",
                            "rows articles",
                            "read articles",
                            "finish articles",
                            "custom fields tickets",
                            "rows tickets",
                            "read tickets",
                            "finish tickets",
                            "close snapshot",
                            "document");
            FakeSnapshot snapshot = reader.only();
            assertThat(snapshot.closeCount).isEqualTo(1);
            assertThat(spools.created).hasSize(1);
            assertThat(spools.only().closed).isFalse();

            written(export);
            export.close();
            assertThat(events.log)
                    .as("the document is finished once the snapshot is closed; sending only copies it")
                    .endsWith("close snapshot", "document", "close spool");
            assertThat(snapshot.closeCount).isEqualTo(1);
            assertThat(reader.opened).hasSize(1);
        }

        @Test
        void resolvesCustomFieldsInTheSnapshotOnlyWhereTheRequestNamesThem() {
            CustomFieldDefinition plan = new CustomFieldDefinition("plan", "Plan", CustomFieldKind.SELECT, 0);
            CustomFieldDefinition due = new CustomFieldDefinition("due", "Due", CustomFieldKind.DATE, 1);
            reader.customFields.put(TICKETS, List.of(plan, due));
            reader.customFields.put(CUSTOMERS, List.of());
            prepare(json(spec(TICKETS, "id", "customFields.due"), ResourceSpec.all(CUSTOMERS), spec(ARTICLES, "id")))
                    .close();
            assertThat(events.log)
                    .containsSubsequence(
                            "open snapshot",
                            "custom fields tickets",
                            "read tickets",
                            "custom fields customers",
                            "read customers",
                            "read articles",
                            "close snapshot");
            assertThat(events.log).doesNotContain("custom fields articles");
            List<ResourceQuery> queries = reader.only().queries;
            assertThat(queries.get(0).fields())
                    .containsExactly(
                            TICKETS.field("id").orElseThrow(),
                            Field.custom(
                                    due,
                                    TICKETS.field("customFields").orElseThrow().index()));
            assertThat(queries.get(1).fields()).isEqualTo(CUSTOMERS.fields());
        }

        @Test
        void refusesAnUndefinedCustomFieldNamingItAndClosesTheSnapshotAndTheSpool() {
            reader.customFields.put(
                    TICKETS, List.of(new CustomFieldDefinition("plan", "Plan", CustomFieldKind.SELECT, 0)));
            ExportRequest request = json(new ResourceSpec(
                    TICKETS,
                    ResourceFilters.none(TICKETS),
                    FieldSelection.parse(TICKETS, List.of("id", "customFields.colour"), "resources[0].fields"),
                    Optional.empty()));
            assertThatThrownBy(() -> prepare(request)).isInstanceOfSatisfying(ExportException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                assertThat(e.param()).isEqualTo("resources[0].fields[1]");
                assertThat(e.getMessage()).contains("customFields.colour").contains("plan");
            });
            assertThat(reader.only().closeCount).isEqualTo(1);
            assertThat(spools.only().closed).isTrue();
        }

        @Test
        void handsTheCancellationToTheReader() {
            Cancellation cancellation = new Cancellation();
            service.prepare(authorize(LIVE_KEY), jsonOf(TICKETS), REQUEST_ID, cancellation)
                    .close();
            assertThat(reader.cancellations).singleElement().isSameAs(cancellation);
        }
    }

    @Nested
    class Document {

        @Test
        void carriesTheRequestTeamTimeLimitFieldsAndTotals() {
            addRows(LIVE, TICKETS, 1, 2);
            addRows(LIVE, ARTICLES, 7);
            try (PreparedExport export = prepare(json(spec(ARTICLES, "createdAt", "id"), ResourceSpec.all(TICKETS)))) {
                ExportHead head = export.head();
                assertThat(head.requestId()).isEqualTo(REQUEST_ID);
                assertThat(head.team()).isEqualTo(TEAM);
                assertThat(head.generatedAt()).isEqualTo(NOW);
                assertThat(head.format()).isEqualTo(ExportFormat.JSON);
                assertThat(head.maxRowsPerResource()).isEqualTo(10_000);
                assertThat(export.sections()).extracting(ExportSection::type).containsExactly(ARTICLES, TICKETS);
                assertThat(export.sections().get(0).fields())
                        .extracting(Field::name)
                        .containsExactly("createdAt", "id");
                assertThat(export.sections().get(1).fields()).isEqualTo(TICKETS.fields());
                assertThat(export.sections())
                        .extracting(s -> s.summary().rows())
                        .containsExactly(1, 2);
                assertThat(export.totalRows()).isEqualTo(3);
                assertThat(export.pass().caller().team()).isEqualTo(TEAM);
                assertThat(export.pass().caller().displayPrefix()).isEqualTo("sk_live_AbCd");
            }
        }

        @Test
        void eachResourcesRowsAreWrittenOnceAndTheDocumentIsRangesOfTheSpool() throws IOException {
            addRows(LIVE, TICKETS, 3, 1, 2);
            addRows(LIVE, CUSTOMERS, 4);
            try (PreparedExport export =
                    prepare(json(spec(TICKETS, "title"), spec(ARTICLES, "id"), spec(CUSTOMERS, "id", "name")))) {
                List<ExportSection> sections = export.sections();
                String tickets = "[tickets]\nrow 1\nrow 2\nrow 3\n[/tickets]\n";
                String articles = "[articles]\n[/articles]\n";
                String customers = "[customers]\n" + id(4) + "|row 4\n[/customers]\n";
                assertThat(rows(export, 0)).isEqualTo(tickets);
                assertThat(rows(export, 1)).isEqualTo(articles);
                assertThat(rows(export, 2)).isEqualTo(customers);
                String head = JSON_HEAD + "4\n";
                String end = "== end\n";
                String glue = head + "== tickets 3 false -\n== articles 0 false -\n== customers 1 false -\n" + end;
                assertThat(spools.only().text())
                        .as("one spool holds the rows of every resource once, in order, then what goes around them")
                        .isEqualTo(tickets + articles + customers + glue);
                assertThat(written(export))
                        .as("and the document puts them in their places")
                        .isEqualTo(head + "== tickets 3 false -\n" + tickets + "== articles 0 false -\n" + articles
                                + "== customers 1 false -\n" + customers + end);
                assertThat(written(export)).as("sent again, the same").isEqualTo(written(export));
                assertThat(sections)
                        .extracting(ExportSection::summary)
                        .containsExactly(
                                new PageSummary(3, false, Optional.empty()),
                                new PageSummary(0, false, Optional.empty()),
                                new PageSummary(1, false, Optional.empty()));
            }
        }

        @Test
        void continuesAfterTheGivenCursor() throws IOException {
            addRows(LIVE, CUSTOMERS, 3, 1, 2);
            service = service(RowLimitPolicy.configured(1));

            List<String> names = new ArrayList<>();
            Optional<Cursor> after = Optional.empty();
            List<PageSummary> pages = new ArrayList<>();
            do {
                try (PreparedExport export = prepare(json(spec(CUSTOMERS, after, "name")))) {
                    ExportSection section = export.sections().get(0);
                    pages.add(section.summary());
                    names.add(rows(export, 0));
                    after = section.summary().nextCursor();
                }
            } while (after.isPresent() && pages.size() < 10);

            assertThat(names)
                    .containsExactly(
                            "[customers]\nrow 1\n[/customers]\n",
                            "[customers]\nrow 2\n[/customers]\n",
                            "[customers]\nrow 3\n[/customers]\n");
            assertThat(pages)
                    .containsExactly(
                            new PageSummary(
                                    1, true, Optional.of(row(CUSTOMERS, 1).cursor())),
                            new PageSummary(
                                    1, true, Optional.of(row(CUSTOMERS, 2).cursor())),
                            new PageSummary(1, false, Optional.empty()));
            assertThat(reader.opened)
                    .extracting(s -> s.queries.get(0).after())
                    .containsExactly(
                            Optional.empty(),
                            Optional.of(row(CUSTOMERS, 1).cursor()),
                            Optional.of(row(CUSTOMERS, 2).cursor()));
            assertThat(slots.held()).isZero();
        }
    }

    @Nested
    class Sending {

        @Test
        void sendingCopiesTheDocumentAndClosingDeletesTheSpoolAndGivesTheSlotBack() throws IOException {
            addRows(LIVE, ARTICLES, 1);
            PreparedExport export = prepare(json(spec(ARTICLES, "title")));
            FakeSpool spool = spools.only();
            assertThat(slots.held()).isEqualTo(1);

            assertThat(written(export))
                    .isEqualTo(JSON_HEAD + "1\n== articles 1 false -\n[articles]\nrow 1\n" + "[/articles]\n== end\n");
            assertThat(json.finished).singleElement().isSameAs(export.head());
            assertThat(spool.closed).as("sending holds on to the spool").isFalse();
            assertThat(slots.held()).isEqualTo(1);

            export.close();
            assertThat(spool.closeCount).isEqualTo(1);
            assertThat(slots.held()).isZero();
            assertThat(slots.releases).isEqualTo(1);
            export.close();
            assertThat(spool.closeCount).as("closing again does nothing").isEqualTo(1);
            assertThat(slots.releases).isEqualTo(1);
        }

        @Test
        void closingWithoutSendingDeletesTheSpoolAndGivesTheSlotBack() {
            PreparedExport export = prepare(jsonOf(TICKETS));
            export.close();
            export.close();
            assertThat(spools.only().closeCount).isEqualTo(1);
            assertThat(slots.held()).isZero();
            assertThat(slots.releases).isEqualTo(1);
        }

        @Test
        void aClosedExportSendsNothing() {
            PreparedExport closed = prepare(jsonOf(TICKETS));
            closed.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> closed.writeTo(out)).isInstanceOf(IllegalStateException.class);
            assertThat(out.size()).isZero();
        }

        @Test
        void aFailedSendIsTheSendersToSeeAndClosingStillReleasesEverything() {
            IOException failure = new IOException("client went away");
            PreparedExport export = prepare(jsonOf(TICKETS));
            OutputStream failing = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw failure;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    throw failure;
                }
            };
            assertThatThrownBy(() -> export.writeTo(failing)).isSameAs(failure);
            export.close();
            assertThat(spools.only().closed).isTrue();
            assertThat(slots.held()).isZero();
        }
    }

    @Nested
    class Failures {

        /** The snapshot and the spool are closed; the slot is still the caller's, who gives it back. */
        private void assertCleanedUpButStillOwned(ExportPass authorized) {
            assertThat(reader.only().closeCount).as("snapshot closed").isEqualTo(1);
            assertThat(spools.only().closed).as("spool closed").isTrue();
            assertThat(slots.held())
                    .as("prepare did not close the caller's authorization")
                    .isEqualTo(1);
            assertThat(json.finished).as("no document was finished").isEmpty();
            authorized.close();
            assertThat(slots.held()).isZero();
        }

        @ParameterizedTest(name = "room for {0} bytes")
        @ValueSource(longs = {5, 40})
        void aFullSpoolIsServiceUnavailableAtCapacity(long capacity) {
            // 5 bytes: full as the section starts; 40: full when its rows are flushed
            spools.capacity = capacity;
            addRows(LIVE, TICKETS, 1, 2, 3);
            ExportPass authorized = authorize(LIVE_KEY);
            assertThatThrownBy(() ->
                            service.prepare(authorized, json(spec(TICKETS, "id")), REQUEST_ID, Cancellation.never()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                        assertThat(e.getMessage()).contains("at capacity");
                        assertThat(e.getCause()).isInstanceOf(SpoolFullException.class);
                    });
            assertCleanedUpButStillOwned(authorized);
        }

        @Test
        void theRoomIsSharedByEverySpoolOfTheStore() throws IOException {
            addRows(LIVE, TICKETS, 1);
            spools.capacity = 200;
            PreparedExport first = prepare(json(spec(TICKETS, "id")));
            long used = spools.inUse();
            assertThat(used).isPositive();
            spools.capacity = used + 10;
            assertThatThrownBy(() -> prepare(json(spec(TICKETS, "id"))))
                    .isInstanceOfSatisfying(
                            ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
            assertThat(written(first)).contains(id(1));
        }

        @Test
        void anotherSpoolFailureIsAnInternalError() {
            IOException disk = new IOException("disk error");
            spools.writeFailure = disk;
            ExportPass authorized = authorize(LIVE_KEY);
            assertThatThrownBy(() -> service.prepare(authorized, jsonOf(TICKETS), REQUEST_ID, Cancellation.never()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
                        assertThat(e.getMessage()).doesNotContain("disk error");
                        assertThat(e.getCause()).isSameAs(disk);
                    });
            assertCleanedUpButStillOwned(authorized);
        }

        @Test
        void aReaderFailurePropagatesAndClosesTheSnapshotAndTheSpool() {
            ExportException down = new ExportException(ErrorCode.SERVICE_UNAVAILABLE, "database unreachable");
            reader.readFailure = q -> q.type() == CUSTOMERS ? down : null;
            addRows(LIVE, TICKETS, 1);
            ExportPass authorized = authorize(LIVE_KEY);
            assertThatThrownBy(() -> service.prepare(
                            authorized, jsonOf(TICKETS, CUSTOMERS, ARTICLES), REQUEST_ID, Cancellation.never()))
                    .isSameAs(down);
            assertThat(reader.only().queries).extracting(ResourceQuery::type).containsExactly(TICKETS, CUSTOMERS);
            assertCleanedUpButStillOwned(authorized);
        }

        @Test
        void anUnexpectedReaderFailurePropagatesAndClosesTheSnapshotAndTheSpool() {
            IllegalStateException bug = new IllegalStateException("boom");
            reader.readFailure = q -> bug;
            ExportPass authorized = authorize(LIVE_KEY);
            assertThatThrownBy(() -> service.prepare(authorized, jsonOf(TICKETS), REQUEST_ID, Cancellation.never()))
                    .isSameAs(bug);
            assertCleanedUpButStillOwned(authorized);
        }

        @Test
        void aSnapshotThatCannotBeOpenedClosesTheSpool() {
            ExportException down = new ExportException(ErrorCode.SERVICE_UNAVAILABLE, "database unreachable");
            reader.openFailure = down;
            ExportPass authorized = authorize(LIVE_KEY);
            assertThatThrownBy(() -> service.prepare(authorized, jsonOf(TICKETS), REQUEST_ID, Cancellation.never()))
                    .isSameAs(down);
            assertThat(spools.only().closed).isTrue();
            assertThat(slots.held()).isEqualTo(1);
        }
    }

    @Nested
    class Construction {

        @Test
        void needsAtMostOneSerializerPerFormatAndAtLeastOne() {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            assertThatThrownBy(() -> new PrepareExportService(
                            reader, spools, List.of(), RowLimitPolicy.contractDefault(), new FormatPolicy(), clock))
                    .isInstanceOf(IllegalArgumentException.class);
            List<Serializer> twoJson = List.of(json, csv, new FakeSerializer(ExportFormat.JSON));
            assertThatThrownBy(() -> new PrepareExportService(
                            reader, spools, twoJson, RowLimitPolicy.contractDefault(), new FormatPolicy(), clock))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void needsEveryCollaborator() {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            List<Serializer> both = List.of(json, csv);
            RowLimitPolicy limit = RowLimitPolicy.contractDefault();
            FormatPolicy format = new FormatPolicy();
            assertThatThrownBy(() -> new PrepareExportService(null, spools, both, limit, format, clock))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new PrepareExportService(reader, null, both, limit, format, clock))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new PrepareExportService(reader, spools, null, limit, format, clock))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new PrepareExportService(reader, spools, both, null, format, clock))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new PrepareExportService(reader, spools, both, limit, null, clock))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new PrepareExportService(reader, spools, both, limit, format, null))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
