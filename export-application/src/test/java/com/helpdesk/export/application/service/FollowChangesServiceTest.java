package com.helpdesk.export.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.application.port.in.Admission;
import com.helpdesk.export.application.port.in.ExportCredentials;
import com.helpdesk.export.application.port.in.ExportPass;
import com.helpdesk.export.application.port.in.PreparedChanges;
import com.helpdesk.export.application.service.Fakes.FakeKeyVerifier;
import com.helpdesk.export.application.service.Fakes.FakeRateLimiter;
import com.helpdesk.export.application.service.Fakes.FakeSlots;
import com.helpdesk.export.application.service.Fakes.FakeSpoolStore;
import com.helpdesk.export.application.service.Fakes.FakeThrottle;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.ChangePage;
import com.helpdesk.export.domain.model.ChangeQuery;
import com.helpdesk.export.domain.model.ChangeSection;
import com.helpdesk.export.domain.model.ChangeSpec;
import com.helpdesk.export.domain.model.ChangesRequest;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.FeedPosition;
import com.helpdesk.export.domain.model.FeedState;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.policy.ChangeFeedPolicy;
import com.helpdesk.export.domain.policy.ConcurrencyLimits;
import com.helpdesk.export.domain.policy.RowLimitPolicy;
import com.helpdesk.export.domain.port.ChangeConsumer;
import com.helpdesk.export.domain.port.ChangeReader;
import com.helpdesk.export.domain.port.ChangeSerializer;
import com.helpdesk.export.domain.port.ChangeSnapshot;
import com.helpdesk.export.domain.port.Spool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The changes use case with fakes of every port: the key's scope and the snapshot's state decide where each feed
 * starts (another mode's cursor 400, an expired one 410, nothing read then and everything given back); a read goes up
 * to the snapshot's horizon, its cursor is issued by the snapshot's cluster at its time, the snapshot is closed before
 * the answer exists, and the answer holds the slot and the spool until closed.
 */
class FollowChangesServiceTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final String LIVE_KEY = PrepareExportServiceTest.LIVE_KEY;
    static final FeedState STATE = new FeedState(1_000, 77, 0, NOW, Duration.ofSeconds(3));

    FakeSlots slots;
    FakeSpoolStore spools;
    AuthorizeExportService authorizer;
    List<String> events;
    List<ChangeQuery> queries;
    FollowChangesService service;

    @BeforeEach
    void setUp() {
        FakeKeyVerifier verifier = new FakeKeyVerifier()
                .answer(LIVE_KEY, PrepareExportServiceTest.verified(PrepareExportServiceTest.TEAM, Mode.LIVE));
        slots = new FakeSlots(ConcurrencyLimits.contractDefault());
        authorizer = new AuthorizeExportService(
                verifier, new FakeThrottle(), slots, new FakeRateLimiter(), ConcurrencyLimits.contractDefault());
        spools = new FakeSpoolStore();
        events = new ArrayList<>();
        queries = new ArrayList<>();
        service = new FollowChangesService(
                reader(),
                spools,
                List.of(serializer()),
                RowLimitPolicy.contractDefault(),
                new ChangeFeedPolicy(Duration.ofDays(35)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    ExportPass authorize() {
        Admission answer = authorizer.authorize(
                new ExportCredentials(Optional.of(LIVE_KEY), PrepareExportServiceTest.TEAM.toString(), "203.0.113.9"));
        return ((Admission.Granted) answer).pass();
    }

    ChangeReader reader() {
        return (scope, cancellation) -> new ChangeSnapshot() {
            @Override
            public FeedState state() {
                return STATE;
            }

            @Override
            public ChangePage read(ChangeQuery query, ChangeConsumer consumer) {
                events.add("read " + query.type().wireName());
                queries.add(query);
                return new ChangePage(0, false, FeedPosition.from(query.horizon()));
            }

            @Override
            public List<CustomFieldDefinition> customFields(ResourceType type) {
                return List.of();
            }

            @Override
            public void close() {
                events.add("close snapshot");
            }
        };
    }

    ChangeSerializer serializer() {
        return new ChangeSerializer() {
            @Override
            public ExportFormat format() {
                return ExportFormat.JSON;
            }

            @Override
            public ChangeDocumentWriter start(ExportHead head, Spool spool) {
                return new ChangeDocumentWriter() {
                    @Override
                    public ChangeWriter resource(ResourceType type, List<Field> fields) {
                        return new ChangeWriter() {
                            @Override
                            public void upsert(long version, com.helpdesk.export.domain.model.Row row) {}

                            @Override
                            public void delete(long version, UUID id, Instant deletedAt) {}

                            @Override
                            public void finish() {}
                        };
                    }

                    @Override
                    public PreparedDocument finish(List<ChangeSection> sections) {
                        events.add("finish document");
                        return new PreparedDocument(Delivery.inline("application/json"), List.of());
                    }
                };
            }
        };
    }

    static ChangesRequest request(ResourceType type, Optional<ChangeCursor> cursor) {
        return new ChangesRequest(List.of(new ChangeSpec(type, FieldSelection.all(type), cursor)), ExportFormat.JSON);
    }

    @Test
    void aFeedIsReadUpToTheHorizonAndItsCursorIssuedByTheSnapshot() {
        PreparedChanges changes = service.follow(
                authorize(), request(ResourceType.TICKETS, Optional.empty()), "req_1", Cancellation.never());
        assertThat(events).containsExactly("read tickets", "close snapshot", "finish document");
        assertThat(queries.get(0).horizon()).isEqualTo(1_000);
        assertThat(queries.get(0).after()).isEqualTo(FeedPosition.START);
        assertThat(queries.get(0).fields().get(0).name()).isEqualTo("id");
        ChangeCursor next = changes.sections().get(0).nextCursor();
        assertThat(next.position()).isEqualTo(FeedPosition.from(1_000));
        assertThat(next.cluster()).isEqualTo(77);
        assertThat(next.issuedAt()).isEqualTo(NOW);
        assertThat(changes.lag()).isEqualTo(Duration.ofSeconds(3));
        assertThat(slots.held()).isEqualTo(1);
        changes.close();
        assertThat(slots.held()).isZero();
        assertThat(spools.only().closed).isTrue();
    }

    @Test
    void anotherModesCursorIs400AndAnExpiredOne410WithNothingReadAndEverythingGivenBack() {
        Scope test = new Scope(PrepareExportServiceTest.TEAM, Mode.TEST);
        Scope live = new Scope(PrepareExportServiceTest.TEAM, Mode.LIVE);
        ChangeCursor otherMode = ChangeCursor.of(ResourceType.TICKETS, test, FeedPosition.from(10), 77, NOW);
        ChangeCursor expired =
                ChangeCursor.of(ResourceType.TICKETS, live, FeedPosition.from(10), 77, NOW.minus(Duration.ofDays(36)));
        for (var refused : List.of(
                new Object[] {otherMode, ErrorCode.PARAMETER_INVALID},
                new Object[] {expired, ErrorCode.CURSOR_EXPIRED})) {
            events.clear();
            ExportPass pass = authorize();
            assertThatThrownBy(() -> service.follow(
                            pass,
                            request(ResourceType.TICKETS, Optional.of((ChangeCursor) refused[0])),
                            "req_2",
                            Cancellation.never()))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(refused[1]);
                        assertThat(e.param()).isEqualTo("resources[0].cursor");
                    });
            assertThat(events).containsExactly("close snapshot");
            assertThat(spools.created.get(spools.created.size() - 1).closed).isTrue();
            assertThat(slots.held()).as("the caller still owns its slot").isEqualTo(1);
            pass.close();
            assertThat(slots.held()).isZero();
        }
    }
}
