package com.helpdesk.export.persistence.jdbc.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.ChangePage;
import com.helpdesk.export.domain.model.ChangeQuery;
import com.helpdesk.export.domain.model.FeedPosition;
import com.helpdesk.export.domain.model.FeedState;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.FilterCondition;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.ChangeConsumer;
import com.helpdesk.export.domain.port.ChangeSnapshot;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the change feed costs, measured on the embedded PostgreSQL (run on demand:
 * {@code -Dtest=ChangeFeedCostTest -Dchanges.cost=true}; the figures go to {@code docs/performance.md}): on a team of
 * 1,000,000 tickets, a poll that finds nothing new against an export that matches no row; a page of 10,000 changed
 * tickets against an export page of 10,000 tickets (every field, the reader's own work, no HTTP); the stamps' cost on
 * writes (a bulk update of 100,000 rows and 2,000 single-row inserts, with and without the trigger); and the lag the
 * feed reports while one write transaction is held open for 10 s under a steady write load.
 */
@EnabledIfSystemProperty(named = "changes.cost", matches = "true")
class ChangeFeedCostTest {

    private static final UUID TEAM = UUID.randomUUID();
    private static final Scope LIVE = new Scope(new TeamId(TEAM), Mode.LIVE);
    private static final ResourceType TICKETS = ResourceType.TICKETS;

    @Test
    void measure() throws Exception {
        DataSource database = TestPostgres.migratedDatabase();
        long start = System.nanoTime();
        sql(
                database,
                "INSERT INTO teams (id, name) VALUES ('" + TEAM + "', 'cost')",
                "INSERT INTO tickets (id, team_id, mode, title, status, priority, tags, notes, created_at, updated_at) "
                        + "SELECT md5('cost-' || g)::uuid, '" + TEAM + "', 'live', 'Ticket ' || g, 'open', 'normal', "
                        + "ARRAY['a','b'], 'notes ' || g, timestamptz '2025-01-01' + g * interval '1 second', "
                        + "timestamptz '2025-01-01' + g * interval '1 second' FROM generate_series(1, 1000000) g",
                "VACUUM ANALYZE tickets");
        System.out.printf("COST seeded 1,000,000 tickets in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        try (JdbcResourceReader reader =
                new JdbcResourceReader(TestPostgres.asExportReader(database), ReaderSettings.defaults())) {
            // every field; the custom fields group reads nothing for a team that defines none
            List<Field> all = FieldSelection.all(TICKETS).resolveIdFirst(List.of()).stream()
                    .filter(f -> f.kind() != FieldKind.CUSTOM)
                    .toList();
            long horizon;
            try (ChangeSnapshot snapshot = reader.openChanges(LIVE, Cancellation.never())) {
                horizon = snapshot.state().horizon();
            }
            FeedPosition drained = FeedPosition.from(horizon);
            double emptyPoll = median(51, () -> changes(reader, all, drained, 10_000));
            ResourceFilters none = ResourceFilters.parse(
                    TICKETS, Map.of("createdAfter", "2100-01-01T00:00:00Z"), "resources[0].filters");
            assertThat(none.conditions()).hasSize(1).first().isInstanceOf(FilterCondition.TimeBound.class);
            double emptyExport = median(51, () -> export(reader, all, none));
            System.out.printf(
                    "COST empty poll %.2f ms, export matching no row %.2f ms, ratio %.2f%n",
                    emptyPoll, emptyExport, emptyPoll / emptyExport);

            sql(
                    database,
                    "UPDATE tickets SET title = title || '.' WHERE id IN (SELECT id FROM tickets WHERE team_id = '"
                            + TEAM + "' ORDER BY created_at LIMIT 10000)");
            double changedPage = median(11, () -> changes(reader, all, drained, 10_000));
            double exportPage = median(11, () -> export(reader, all, ResourceFilters.none(TICKETS)));
            System.out.printf(
                    "COST page of 10,000 changes %.1f ms, export page of 10,000 tickets %.1f ms, ratio %.2f%n",
                    changedPage, exportPage, changedPage / exportPage);
        }

        String bulk = "UPDATE tickets SET notes = notes || '.' WHERE id IN (SELECT id FROM tickets WHERE team_id = '"
                + TEAM + "' ORDER BY created_at LIMIT 100000)";
        double withTrigger = median(3, () -> timed(database, bulk));
        sql(database, "ALTER TABLE tickets DISABLE TRIGGER zz_tickets_change_stamp");
        double withoutTrigger = median(3, () -> timed(database, bulk));
        sql(database, "ALTER TABLE tickets ENABLE TRIGGER zz_tickets_change_stamp");
        System.out.printf(
                "COST bulk UPDATE of 100,000 rows: %.0f ms with the stamp trigger, %.0f ms without (%.2fx)%n",
                withTrigger, withoutTrigger, withTrigger / withoutTrigger);
        double insertsWith = singleInserts(database, 2_000);
        sql(database, "ALTER TABLE tickets DISABLE TRIGGER zz_tickets_change_stamp");
        double insertsWithout = singleInserts(database, 2_000);
        sql(database, "ALTER TABLE tickets ENABLE TRIGGER zz_tickets_change_stamp");
        System.out.printf(
                "COST 2,000 single-row inserts (autocommit): %.3f ms each with the trigger, %.3f ms without (%.2fx)%n",
                insertsWith, insertsWithout, insertsWith / insertsWithout);

        lagWithATransactionHeldOpen(database);
    }

    private void lagWithATransactionHeldOpen(DataSource database) throws Exception {
        try (JdbcResourceReader reader =
                        new JdbcResourceReader(TestPostgres.asExportReader(database), ReaderSettings.defaults());
                Connection held = database.getConnection()) {
            held.setAutoCommit(false);
            try (Statement statement = held.createStatement()) {
                statement.executeUpdate("UPDATE tickets SET notes = 'held' WHERE id = md5('cost-1')::uuid");
            }
            Instant heldSince = Instant.now();
            Thread writer = new Thread(() -> {
                try (Connection connection = database.getConnection();
                        Statement statement = connection.createStatement()) {
                    for (int i = 2; i < 200 && !Thread.currentThread().isInterrupted(); i++) {
                        statement.executeUpdate(
                                "UPDATE tickets SET notes = 'steady' WHERE id = md5('cost-" + i + "')::uuid");
                        Thread.sleep(50);
                    }
                } catch (SQLException | InterruptedException e) {
                    // stopped
                }
            });
            writer.start();
            Thread.sleep(10_000);
            FeedState state;
            try (ChangeSnapshot snapshot = reader.openChanges(LIVE, Cancellation.never())) {
                state = snapshot.state();
            }
            double held10 = Duration.between(heldSince, Instant.now()).toMillis() / 1000.0;
            writer.interrupt();
            writer.join();
            held.rollback();
            System.out.printf(
                    "COST lag reported with one write transaction held open %.1f s under a steady write load: %.1f s%n",
                    held10, state.lag().toMillis() / 1000.0);
            assertThat(state.lag()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(12));
        }
    }

    private interface Measured {
        void run() throws Exception;
    }

    private static double median(int runs, Measured measured) throws Exception {
        measured.run(); // warm
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            measured.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }

    private static void changes(JdbcResourceReader reader, List<Field> fields, FeedPosition after, int limit)
            throws IOException {
        try (ChangeSnapshot snapshot = reader.openChanges(LIVE, Cancellation.never())) {
            FeedState state = snapshot.state();
            ChangePage page = snapshot.read(
                    new ChangeQuery(TICKETS, fields, after, state.horizon(), limit), new ChangeConsumer() {
                        @Override
                        public void upsert(long version, Row row) {
                            for (Field field : fields) {
                                row.value(field);
                            }
                        }

                        @Override
                        public void delete(long version, UUID id, Instant deletedAt) {}
                    });
            assertThat(page.changes()).isIn(0, 10_000);
        }
    }

    private static void export(JdbcResourceReader reader, List<Field> fields, ResourceFilters filters)
            throws IOException {
        try (ReadSnapshot snapshot = reader.openSnapshot(LIVE, Cancellation.never())) {
            snapshot.read(new ResourceQuery(TICKETS, filters, fields, Optional.empty(), 10_000), row -> {
                for (Field field : fields) {
                    row.value(field);
                }
            });
        }
    }

    private static void timed(DataSource database, String sql) throws SQLException {
        sql(database, sql);
    }

    private static double singleInserts(DataSource database, int count) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                statement.executeUpdate("INSERT INTO tickets (id, team_id, mode, title, status, priority, created_at, "
                        + "updated_at) VALUES (gen_random_uuid(), '" + TEAM + "', 'test', 'single', 'new', 'low', "
                        + "now(), now())");
            }
            return (System.nanoTime() - start) / 1e6 / count;
        }
    }

    private static void sql(DataSource database, String... statements) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
