package com.helpdesk.export.persistence.jdbc.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.ChangePage;
import com.helpdesk.export.domain.model.ChangeQuery;
import com.helpdesk.export.domain.model.FeedPosition;
import com.helpdesk.export.domain.model.FeedState;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.policy.ChangeFeedPolicy;
import com.helpdesk.export.domain.policy.Decision;
import com.helpdesk.export.domain.port.ChangeConsumer;
import com.helpdesk.export.domain.port.ChangeSnapshot;
import com.helpdesk.export.persistence.jdbc.SchemaMigrations;
import com.helpdesk.export.persistence.jdbc.access.JdbcTombstones;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import com.helpdesk.export.testsupport.MutableClock;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * What the store keeps for the change feed: rows written before the feed's migration appear once in a feed from the
 * beginning; a deletion, a mode change (its messages moving along) and a custom field removed show in the feeds they
 * touch; tombstones older than the retention are deleted, and a cursor from before them is then expired.
 */
class ChangeFeedStoreTest {

    private static final UUID TEAM = UUID.randomUUID();
    private static final Scope LIVE = new Scope(new TeamId(TEAM), Mode.LIVE);
    private static final Scope TEST = new Scope(new TeamId(TEAM), Mode.TEST);

    private record Change(String op, UUID id, long version) {}

    private static List<Change> follow(JdbcResourceReader reader, Scope scope, ResourceType type, FeedPosition from)
            throws IOException {
        List<Change> changes = new ArrayList<>();
        FeedPosition after = from;
        boolean more = true;
        while (more) {
            try (ChangeSnapshot snapshot = reader.openChanges(scope, Cancellation.never())) {
                FeedState state = snapshot.state();
                List<Field> fields = FieldSelection.all(type).resolveIdFirst(snapshot.customFields(type));
                ChangePage page =
                        snapshot.read(new ChangeQuery(type, fields, after, state.horizon(), 2), new ChangeConsumer() {
                            @Override
                            public void upsert(long version, Row row) {
                                changes.add(new Change("upsert", row.id(fields.get(0)), version));
                            }

                            @Override
                            public void delete(long version, UUID id, Instant deletedAt) {
                                changes.add(new Change("delete", id, version));
                            }
                        });
                after = page.next();
                more = page.hasMore();
            }
        }
        return changes;
    }

    private static void sql(DataSource database, String... statements) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String insertRows(UUID ticket, UUID customer, UUID article, UUID message, UUID member) {
        return "INSERT INTO teams (id, name) VALUES ('" + TEAM + "', 't');"
                + "INSERT INTO members (id, team_id, name, role) VALUES ('" + member + "', '" + TEAM
                + "', 'm', 'agent');"
                + "INSERT INTO customers (id, team_id, mode, name, status, sentiment, created_at, updated_at) VALUES ('"
                + customer + "', '" + TEAM + "', 'live', 'c', 'active', 'neutral', now(), now());"
                + "INSERT INTO tickets (id, team_id, mode, title, status, priority, created_at, updated_at) VALUES ('"
                + ticket + "', '" + TEAM + "', 'live', 't', 'new', 'low', now(), now());"
                + "INSERT INTO articles (id, team_id, mode, title, status, created_at, updated_at) VALUES ('"
                + article + "', '" + TEAM + "', 'live', 'a', 'draft', now(), now());"
                + "INSERT INTO messages (id, team_id, mode, ticket_id, sender, content, created_at) VALUES ('"
                + message + "', '" + TEAM + "', 'live', '" + ticket + "', 'system', 'hi', now())";
    }

    @Test
    void rowsWrittenBeforeTheMigrationAppearOnceInAFeedFromTheBeginning() throws Exception {
        DataSource database = TestPostgres.emptyDatabase();
        Flyway.configure()
                .dataSource(database)
                .locations(SchemaMigrations.LOCATION)
                .target("6")
                .load()
                .migrate();
        UUID ticket = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID article = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        sql(database, insertRows(ticket, customer, article, message, member));
        SchemaMigrations.migrate(database);
        JdbcResourceReader reader =
                new JdbcResourceReader(TestPostgres.asExportReader(database), ReaderSettings.defaults());
        assertThat(follow(reader, LIVE, ResourceType.TICKETS, FeedPosition.START))
                .extracting(Change::id)
                .containsExactly(ticket);
        assertThat(follow(reader, LIVE, ResourceType.CUSTOMERS, FeedPosition.START))
                .extracting(Change::id)
                .containsExactly(customer);
        assertThat(follow(reader, LIVE, ResourceType.ARTICLES, FeedPosition.START))
                .extracting(Change::id)
                .containsExactly(article);
        assertThat(follow(reader, LIVE, ResourceType.MESSAGES, FeedPosition.START))
                .extracting(Change::id)
                .containsExactly(message);
        assertThat(follow(reader, TEST, ResourceType.MEMBERS, FeedPosition.START))
                .extracting(Change::id)
                .containsExactly(member);
        assertThat(follow(reader, TEST, ResourceType.TICKETS, FeedPosition.START))
                .isEmpty();
        reader.close();
    }

    @Test
    void aModeChangeIsADeleteInTheOldModeAndAnUpsertInTheNewAndRemovingACustomFieldIsAnUpdate() throws Exception {
        DataSource database = TestPostgres.migratedDatabase();
        UUID ticket = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        sql(
                database,
                insertRows(ticket, UUID.randomUUID(), UUID.randomUUID(), message, UUID.randomUUID()),
                "INSERT INTO custom_field_definitions (team_id, resource, key, label, kind, position) VALUES ('" + TEAM
                        + "', 'tickets', 'plan', 'Plan', 'text', 0)",
                "UPDATE tickets SET custom_fields = '{\"plan\": \"gold\"}' WHERE id = '" + ticket + "'");
        JdbcResourceReader reader =
                new JdbcResourceReader(TestPostgres.asExportReader(database), ReaderSettings.defaults());
        FeedPosition liveTickets = last(follow(reader, LIVE, ResourceType.TICKETS, FeedPosition.START));
        FeedPosition liveMessages = last(follow(reader, LIVE, ResourceType.MESSAGES, FeedPosition.START));
        sql(database, "UPDATE tickets SET mode = 'test' WHERE id = '" + ticket + "'");
        assertThat(follow(reader, LIVE, ResourceType.TICKETS, liveTickets))
                .extracting(Change::op, Change::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("delete", ticket));
        assertThat(follow(reader, LIVE, ResourceType.MESSAGES, liveMessages))
                .extracting(Change::op, Change::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("delete", message));
        List<Change> test = follow(reader, TEST, ResourceType.TICKETS, FeedPosition.START);
        assertThat(test)
                .extracting(Change::op, Change::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("upsert", ticket));
        assertThat(follow(reader, TEST, ResourceType.MESSAGES, FeedPosition.START))
                .extracting(Change::op, Change::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("upsert", message));
        sql(database, "DELETE FROM custom_field_definitions WHERE team_id = '" + TEAM + "'");
        assertThat(follow(
                        reader,
                        TEST,
                        ResourceType.TICKETS,
                        FeedPosition.from(test.get(0).version() + 1)))
                .extracting(Change::op, Change::id)
                .as("the value stripped: a new version")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("upsert", ticket));
        reader.close();
    }

    private static FeedPosition last(List<Change> changes) {
        Change last = changes.get(changes.size() - 1);
        return FeedPosition.after(last.version(), last.id());
    }

    @Test
    void tombstonesPastTheRetentionAreDeletedAndACursorFromBeforeThemHasExpired() throws Exception {
        DataSource database = TestPostgres.migratedDatabase();
        UUID ticket = UUID.randomUUID();
        sql(database, insertRows(ticket, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        JdbcResourceReader reader =
                new JdbcResourceReader(TestPostgres.asExportReader(database), ReaderSettings.defaults());
        ChangeFeedPolicy policy = new ChangeFeedPolicy(Duration.ofDays(35));
        ChangeCursor before;
        try (ChangeSnapshot snapshot = reader.openChanges(LIVE, Cancellation.never())) {
            FeedState state = snapshot.state();
            before = policy.cursor(ResourceType.TICKETS, LIVE, FeedPosition.from(state.horizon()), state);
        }
        sql(database, "DELETE FROM tickets WHERE id = '" + ticket + "'");
        assertThat(follow(reader, LIVE, ResourceType.TICKETS, before.position()))
                .extracting(Change::op)
                .containsExactly("delete");
        MutableClock clock = new MutableClock(Instant.now());
        JdbcTombstones tombstones = new JdbcTombstones(database, Duration.ofDays(35), clock);
        assertThat(tombstones.removeExpired()).isZero();
        clock.advance(Duration.ofDays(36));
        assertThat(tombstones.removeExpired()).isEqualTo(2); // the ticket and its message
        try (ChangeSnapshot snapshot = reader.openChanges(LIVE, Cancellation.never())) {
            FeedState state = snapshot.state();
            assertThat(state.purgedStamp()).isPositive();
            Decision<FeedPosition> decision =
                    policy.start(ResourceType.TICKETS, Optional.of(before), LIVE, state, "resources[0].cursor");
            assertThat(decision).isInstanceOf(Decision.Rejected.class);
            assertThat(((Decision.Rejected<FeedPosition>) decision).code()).isEqualTo(ErrorCode.CURSOR_EXPIRED);
        }
        reader.close();
    }
}
