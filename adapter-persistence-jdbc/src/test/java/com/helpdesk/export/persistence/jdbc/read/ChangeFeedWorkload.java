package com.helpdesk.export.persistence.jdbc.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.ChangePage;
import com.helpdesk.export.domain.model.ChangeQuery;
import com.helpdesk.export.domain.model.FeedPosition;
import com.helpdesk.export.domain.model.FeedState;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.policy.ChangeFeedPolicy;
import com.helpdesk.export.domain.port.ChangeConsumer;
import com.helpdesk.export.domain.port.ChangeSnapshot;
import com.helpdesk.export.domain.port.ReadSnapshot;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The change feed's promises under concurrent writers, as a workload any test can run against its own databases:
 * several writer threads insert, update (mode changes of tickets and articles among them, which move a ticket's
 * messages along) and delete rows of every type in transactions of random length (some held open for seconds and
 * committing after much younger ones, some rolled back), seeded, while readers follow every feed of both modes from
 * the beginning and from an export's sync cursor taken while the writers run, in small pages, applying each page to an
 * in-memory copy. Each page is read through the next of the given readers in turn, so that a walk given a primary's
 * and a standby's reader switches between them from one page to the next. After the writers stop and the feeds are
 * drained: each copy equals the source as an export reads it (every row, every field, deletions applied), and in each
 * walk every row's versions came in strictly increasing order (none twice, none later before an earlier one).
 */
public final class ChangeFeedWorkload {

    private static final List<ResourceType> TYPES = List.of(ResourceType.values());
    private static final int WRITERS = 4;
    private static final Duration WRITING = Duration.ofSeconds(10);
    private static final int PAGE = 23;

    private final UUID team = UUID.randomUUID();
    private final String name;

    /** @param name how the workload names itself in what it prints */
    public ChangeFeedWorkload(String name) {
        this.name = name;
    }

    private final AtomicLong tokens = new AtomicLong();
    private final Map<ResourceType, List<UUID>> known = new ConcurrentHashMap<>();

    /**
     * Runs the workload and checks every walk.
     *
     * @param database where the writers write (the primary), as a role that may write
     * @param readers  the readers pages are read through, in turn
     * @param source   the reader the copies are compared with at the end (one that has seen every write)
     */
    public void run(DataSource database, List<JdbcResourceReader> readers, JdbcResourceReader source) throws Exception {
        long seed = Long.getLong("changes.seed", System.nanoTime());
        System.out.println(name + " seed " + seed + " (-Dchanges.seed=" + seed + " repeats it)");
        try (Connection connection = database.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("INSERT INTO teams (id, name) VALUES (?, ?)")) {
            statement.setObject(1, team);
            statement.setString(2, "feed");
            statement.execute();
        }
        for (ResourceType type : TYPES) {
            known.put(type, new CopyOnWriteArrayList<>());
        }
        List<Walk> walks = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (ResourceType type : TYPES) {
                walks.add(new Walk(new Scope(new TeamId(team), mode), type, FeedPosition.START, Map.of()));
            }
        }

        AtomicBoolean writing = new AtomicBoolean(true);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(seed + w);
            Thread writer = new Thread(() -> {
                try {
                    write(database, random, writing);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            writers.add(writer);
            writer.start();
        }
        long end = System.nanoTime() + WRITING.toNanos();
        boolean exported = false;
        int round = 0;
        while (System.nanoTime() < end) {
            JdbcResourceReader reader = readers.get(round++ % readers.size());
            for (Walk walk : walks) {
                walk.step(reader);
            }
            if (!exported && System.nanoTime() > end - WRITING.toNanos() / 2) {
                walks.addAll(exportThenFollow(reader));
                exported = true;
            }
        }
        writing.set(false);
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(failures).isEmpty();
        long last = currentTransaction(database);
        for (Walk walk : walks) {
            walk.drain(readers, last);
        }
        for (Walk walk : walks) {
            assertThat(walk.copy)
                    .as("the copy of %s %s followed from %s", walk.scope.mode(), walk.type, walk.from)
                    .isEqualTo(source(source, walk.scope, walk.type));
            assertThat(walk.disorder)
                    .as("versions out of order or repeated in the walk of %s %s", walk.scope.mode(), walk.type)
                    .isEmpty();
        }
        long changes = walks.stream().mapToLong(w -> w.changesSeen).sum();
        long deletes = walks.stream().mapToLong(w -> w.deletesSeen).sum();
        System.out.println(
                name + ": " + walks.size() + " walks saw " + changes + " changes, " + deletes + " of them deletions");
        assertThat(deletes).as("deletions were followed").isPositive();
    }

    /** Exports every type of both modes in one snapshot each and follows the feed from the export's sync cursor. */
    private List<Walk> exportThenFollow(JdbcResourceReader reader) throws IOException {
        List<Walk> walks = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            Scope scope = new Scope(new TeamId(team), mode);
            try (ReadSnapshot snapshot = reader.openSnapshot(scope, Cancellation.never())) {
                FeedState state = snapshot.feedState().orElseThrow();
                for (ResourceType type : TYPES) {
                    ChangeCursor sync = ChangeCursor.sync(type, scope, state);
                    walks.add(new Walk(scope, type, sync.position(), read(snapshot, type)));
                }
            }
        }
        return walks;
    }

    /** The rows of a type as an export reads them now. */
    private static Map<UUID, Map<String, Object>> source(JdbcResourceReader reader, Scope scope, ResourceType type)
            throws IOException {
        try (ReadSnapshot snapshot = reader.openSnapshot(scope, Cancellation.never())) {
            return read(snapshot, type);
        }
    }

    private static Map<UUID, Map<String, Object>> read(ReadSnapshot snapshot, ResourceType type) throws IOException {
        Map<UUID, Map<String, Object>> rows = new HashMap<>();
        List<Field> fields = fields(type);
        var summary = snapshot.read(
                new ResourceQuery(type, ResourceFilters.none(type), fields, Optional.empty(), 10_000),
                row -> rows.put(row.id(fields.get(0)), record(row, fields)));
        assertThat(summary.hasMore()).isFalse();
        return rows;
    }

    private static List<Field> fields(ResourceType type) {
        return FieldSelection.all(type).resolveIdFirst(List.of()).stream()
                .filter(f -> f.kind() != FieldKind.CUSTOM)
                .toList();
    }

    private static Map<String, Object> record(Row row, List<Field> fields) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (Field field : fields) {
            record.put(field.name(), row.value(field));
        }
        return record;
    }

    /** One follower of one feed: its copy, and what it saw. */
    private static final class Walk {
        final Scope scope;
        final ResourceType type;
        final FeedPosition from;
        final Map<UUID, Map<String, Object>> copy;
        final Map<UUID, Long> lastVersion = new HashMap<>();
        final List<String> disorder = new ArrayList<>();
        final List<Field> fields;
        final ChangeFeedPolicy policy = new ChangeFeedPolicy(ChangeFeedPolicy.DEFAULT_RETENTION);
        ChangeCursor cursor;
        long changesSeen;
        long deletesSeen;

        Walk(Scope scope, ResourceType type, FeedPosition from, Map<UUID, Map<String, Object>> copy) {
            this.scope = scope;
            this.type = type;
            this.from = from;
            this.copy = new HashMap<>(copy);
            this.fields = fields(type);
        }

        /** Reads one page and applies it; answers whether more follow. */
        boolean step(JdbcResourceReader reader) throws IOException {
            try (ChangeSnapshot snapshot = reader.openChanges(scope, Cancellation.never())) {
                FeedState state = snapshot.state();
                FeedPosition after = cursor == null
                        ? from
                        : policy.start(type, Optional.of(cursor), scope, state, "cursor")
                                .orThrow();
                ChangePage page = snapshot.read(
                        new ChangeQuery(type, fields, after, state.horizon(), PAGE), new ChangeConsumer() {
                            @Override
                            public void upsert(long version, Row row) {
                                UUID id = row.id(fields.get(0));
                                seen(id, version);
                                copy.put(id, record(row, fields));
                            }

                            @Override
                            public void delete(long version, UUID id, Instant deletedAt) {
                                seen(id, version);
                                deletesSeen++;
                                copy.remove(id);
                            }
                        });
                changesSeen += page.changes();
                // through the wire form, as a client holds it
                cursor = ChangeCursor.decode(
                        policy.cursor(type, scope, page.next(), state).encode(), type, "cursor");
                lastHorizon = state.horizon();
                return page.hasMore();
            }
        }

        long lastHorizon;

        void seen(UUID id, long version) {
            Long previous = lastVersion.put(id, version);
            if (previous != null && previous >= version) {
                disorder.add(id + ": version " + version + " after " + previous);
            }
        }

        /**
         * Follows, through the readers in turn, until no more changes follow in a snapshot whose horizon is past
         * {@code last}.
         */
        void drain(List<JdbcResourceReader> readers, long last) throws IOException, InterruptedException {
            int round = 0;
            while (step(readers.get(round++ % readers.size())) || lastHorizon <= last) {
                if (round % 50 == 0) {
                    Thread.sleep(100); // a standby still replaying
                }
            }
        }
    }

    /** A transaction id taken after every writer ended: a snapshot whose horizon is past it sees all they did. */
    private static long currentTransaction(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_current_xact_id()::text")) {
            row.next();
            return Long.parseLong(row.getString(1));
        }
    }

    // ---------------------------------------------------------------- writers

    private void write(DataSource database, Random random, AtomicBoolean writing) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            while (writing.get()) {
                int operations = 1 + random.nextInt(4);
                try {
                    for (int i = 0; i < operations; i++) {
                        operate(connection, random);
                    }
                    int fate = random.nextInt(100);
                    if (fate < 4) {
                        // held open while younger transactions commit
                        Thread.sleep(500 + random.nextInt(2_500));
                    } else if (fate < 30) {
                        Thread.sleep(random.nextInt(40));
                    }
                    if (random.nextInt(100) < 15) {
                        connection.rollback();
                    } else {
                        connection.commit();
                    }
                } catch (SQLException e) {
                    // a deadlock, or a row another writer deleted meanwhile: this transaction is lost, as it may be
                    connection.rollback();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    connection.rollback();
                    return;
                }
            }
        }
    }

    private void operate(Connection connection, Random random) throws SQLException {
        ResourceType type = TYPES.get(random.nextInt(TYPES.size()));
        List<UUID> ids = known.get(type);
        int what = random.nextInt(100);
        if (ids.isEmpty() || what < 40) {
            insert(connection, random, type);
        } else if (what < 85) {
            update(connection, random, type, ids.get(random.nextInt(ids.size())));
        } else {
            UUID id = ids.get(random.nextInt(ids.size()));
            try (PreparedStatement statement =
                    connection.prepareStatement("DELETE FROM " + type.wireName() + " WHERE id = ?")) {
                statement.setObject(1, id);
                statement.executeUpdate();
            }
        }
    }

    private String token() {
        return "v" + tokens.incrementAndGet();
    }

    private void insert(Connection connection, Random random, ResourceType type) throws SQLException {
        UUID id = UUID.randomUUID();
        String mode = random.nextBoolean() ? "live" : "test";
        String sql = switch (type) {
            case TICKETS ->
                "INSERT INTO tickets (id, team_id, mode, title, status, priority, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, 'new', 'low', clock_timestamp(), clock_timestamp())";
            case CUSTOMERS ->
                "INSERT INTO customers (id, team_id, mode, name, status, sentiment, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, 'active', 'neutral', clock_timestamp(), "
                        + "clock_timestamp())";
            case ARTICLES ->
                "INSERT INTO articles (id, team_id, mode, title, status, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, 'draft', clock_timestamp(), clock_timestamp())";
            case MEMBERS -> "INSERT INTO members (id, team_id, name, role) VALUES (?, ?, ?, 'agent')";
            case MESSAGES -> null;
        };
        if (type == ResourceType.MESSAGES) {
            List<UUID> tickets = known.get(ResourceType.TICKETS);
            if (tickets.isEmpty()) {
                return;
            }
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO messages (id, team_id, mode, "
                    + "ticket_id, sender, content, created_at) SELECT ?, team_id, mode, id, 'system', ?, "
                    + "clock_timestamp() FROM tickets WHERE id = ?")) {
                statement.setObject(1, id);
                statement.setString(2, token());
                statement.setObject(3, tickets.get(random.nextInt(tickets.size())));
                statement.executeUpdate();
            }
        } else {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, id);
                statement.setObject(2, team);
                if (type == ResourceType.MEMBERS) {
                    statement.setString(3, token());
                } else {
                    statement.setString(3, mode);
                    statement.setString(4, token());
                }
                statement.executeUpdate();
            }
        }
        known.get(type).add(id);
    }

    private void update(Connection connection, Random random, ResourceType type, UUID id) throws SQLException {
        boolean moveMode = (type == ResourceType.TICKETS || type == ResourceType.ARTICLES) && random.nextInt(5) == 0;
        String mode = moveMode ? ", mode = CASE mode WHEN 'live' THEN 'test' ELSE 'live' END" : "";
        String sql = switch (type) {
            case TICKETS -> "UPDATE tickets SET title = ?, updated_at = clock_timestamp()" + mode + " WHERE id = ?";
            case CUSTOMERS -> "UPDATE customers SET name = ?, updated_at = clock_timestamp() WHERE id = ?";
            case ARTICLES -> "UPDATE articles SET title = ?, updated_at = clock_timestamp()" + mode + " WHERE id = ?";
            case MESSAGES -> "UPDATE messages SET content = ? WHERE id = ?";
            case MEMBERS -> "UPDATE members SET name = ? WHERE id = ?";
        };
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, token());
            statement.setObject(2, id);
            statement.executeUpdate();
        }
    }
}
