package com.helpdesk.export.persistence.jdbc.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.persistence.jdbc.SqlErrors;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPools;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import com.helpdesk.export.persistence.jdbc.testsupport.TestSql;
import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/** What the contract cannot say generically: snapshot isolation, connection handling and error translation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcResourceReaderTest {

    private static final UUID TEAM = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final Scope SCOPE = new Scope(new TeamId(TEAM), Mode.LIVE);

    private DataSource dataSource;

    @BeforeAll
    void fixture() throws SQLException {
        dataSource = TestPostgres.migratedDatabase();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO teams (id, name) VALUES ('" + TEAM + "', 'Fixture team')");
            statement.execute("""
                    INSERT INTO customers (id, team_id, mode, name, status, sentiment, created_at, updated_at)
                    SELECT md5('fixture-customer-' || j)::uuid, '%s', 'live', 'Customer ' || j, 'active', 'neutral',
                           timestamptz '2026-03-01T10:00:00Z' + j * interval '1 minute',
                           timestamptz '2026-03-01T10:00:00Z' + j * interval '1 minute'
                    FROM generate_series(1, 5) AS j""".formatted(TEAM));
            // 40 tickets a minute apart, in pairs sharing their created_at
            statement.execute("""
                    INSERT INTO tickets (id, team_id, mode, title, status, priority, created_at, updated_at)
                    SELECT md5('fixture-ticket-' || i)::uuid, '%s', 'live', 'Ticket ' || i, 'open', 'normal',
                           timestamptz '2026-03-01T10:00:00Z' + (i / 2) * interval '1 minute',
                           timestamptz '2026-03-01T10:00:00Z' + (i / 2) * interval '1 minute'
                    FROM generate_series(1, 40) AS i""".formatted(TEAM));
        }
    }

    /**
     * A reader as the service has one: as the export read role on the fixture's database (migrated, so the role may
     * read it); on any other DataSource (a tracking one, an unreachable or unmigrated database) as that one says.
     */
    private JdbcResourceReader reader(DataSource source) {
        return new JdbcResourceReader(
                source == dataSource ? TestPostgres.asExportReader(source) : source, ReaderSettings.defaults());
    }

    private static Field field(ResourceType type, String name) {
        return type.field(name).orElseThrow();
    }

    private static ReadSnapshot open(JdbcResourceReader reader) {
        return reader.openSnapshot(SCOPE, Cancellation.never());
    }

    private static PageSummary read(ReadSnapshot snapshot, ResourceQuery query, List<UUID> ids) throws IOException {
        return snapshot.read(query, row -> ids.add((UUID) row.value(field(query.type(), "id"))));
    }

    @Test
    void aSnapshotKeepsShowingTheDataAsItWasWhenItWasOpened() throws Exception {
        JdbcResourceReader reader = reader(dataSource);
        List<UUID> ticketsBefore = ids("SELECT id FROM tickets ORDER BY created_at, id");
        List<UUID> customersBefore = ids("SELECT id FROM customers ORDER BY created_at, id");
        ResourceQuery tickets = query(ResourceType.TICKETS, 1_000);
        ResourceQuery customers = query(ResourceType.CUSTOMERS, 1_000);

        try (ReadSnapshot snapshot = open(reader)) {
            List<UUID> first = new ArrayList<>();
            assertThat(read(snapshot, customers, first).rows()).isEqualTo(5);

            // another connection changes both tables and commits
            try (Connection other = dataSource.getConnection();
                    Statement statement = other.createStatement()) {
                statement.execute("""
                        INSERT INTO tickets (id, team_id, mode, title, status, priority, created_at, updated_at)
                        SELECT md5('late-ticket-' || i)::uuid, '%s', 'live', 'Late ' || i, 'new', 'high',
                               timestamptz '2026-03-01T10:10:30Z', timestamptz '2026-03-01T10:10:30Z'
                        FROM generate_series(1, 3) AS i""".formatted(TEAM));
                statement.execute("DELETE FROM tickets WHERE id = md5('fixture-ticket-20')::uuid");
                statement.execute("UPDATE tickets SET title = 'Changed' WHERE id = md5('fixture-ticket-5')::uuid");
                statement.execute("""
                        INSERT INTO customers (id, team_id, mode, name, status, sentiment, created_at, updated_at)
                        VALUES (md5('late-customer')::uuid, '%s', 'live', 'Late', 'active', 'neutral',
                                timestamptz '2026-03-01T10:02:30Z', timestamptz '2026-03-01T10:02:30Z')""".formatted(TEAM));
                statement.execute("DELETE FROM customers WHERE id = md5('fixture-customer-4')::uuid");
            }
            assertThat(ids("SELECT id FROM tickets")).hasSize(42);

            // a second resource, read later in the same snapshot, does not see the changes
            List<UUID> streamed = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            PageSummary summary = snapshot.read(tickets, row -> {
                streamed.add(row.id(field(ResourceType.TICKETS, "id")));
                titles.add(row.text(field(ResourceType.TICKETS, "title")));
            });
            assertThat(summary.rows()).isEqualTo(40);
            assertThat(streamed).isEqualTo(ticketsBefore);
            assertThat(titles).doesNotContain("Changed").contains("Ticket 5", "Ticket 20");
            // nor does the first one, read again
            List<UUID> again = new ArrayList<>();
            read(snapshot, customers, again);
            assertThat(again).isEqualTo(first).isEqualTo(customersBefore);
        }

        try (ReadSnapshot later = open(reader)) {
            List<UUID> streamed = new ArrayList<>();
            assertThat(read(later, tickets, streamed).rows()).isEqualTo(42);
            assertThat(read(later, customers, new ArrayList<>()).rows()).isEqualTo(5);
            assertThat(streamed).doesNotContain(uuidOf("fixture-ticket-20")).contains(uuidOf("late-ticket-2"));
        }
    }

    @Test
    void closingGivesTheConnectionBackAndIsSafeTwice() {
        TrackingDataSource tracking = new TrackingDataSource(dataSource);
        JdbcResourceReader reader = reader(tracking);
        ReadSnapshot snapshot = open(reader);
        assertThat(tracking.connections).hasSize(1);
        assertThat(reader.openSnapshots()).isEqualTo(1);

        snapshot.close();
        snapshot.close();

        assertThat(tracking.connections)
                .allSatisfy(connection -> assertThat(connection.isClosed()).isTrue());
        assertThat(reader.openSnapshots()).isZero();
        assertThatThrownBy(() -> snapshot.read(query(ResourceType.TICKETS, 10), row -> {}))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSnapshotIsAReadOnlyRepeatableReadTransactionWithItsTimeouts() throws Exception {
        TrackingDataSource tracking = new TrackingDataSource(dataSource);
        ReaderSettings settings = ReaderSettings.defaults()
                .withStatementTimeout(Duration.ofMillis(4_321))
                .withDeadline(Duration.ofSeconds(20));
        try (ReadSnapshot snapshot =
                new JdbcResourceReader(tracking, settings).openSnapshot(SCOPE, Cancellation.never())) {
            Connection connection = tracking.connections.get(0);
            try (Statement statement = connection.createStatement();
                    ResultSet current = statement.executeQuery("SELECT current_setting('transaction_isolation'), "
                            + "current_setting('transaction_read_only'), current_setting('statement_timeout'), "
                            + "current_setting('idle_in_transaction_session_timeout')")) {
                current.next();
                assertThat(current.getString(1)).isEqualTo("repeatable read");
                assertThat(current.getString(2)).isEqualTo("on");
                assertThat(current.getString(3)).isEqualTo("4321ms");
                assertThat(current.getString(4)).isEqualTo("25s");
            }
        }
    }

    @Test
    void onePastTheLimitTellsWhetherMoreMatch() throws IOException {
        try (ReadSnapshot snapshot = open(reader(dataSource))) {
            List<UUID> all = new ArrayList<>();
            read(snapshot, query(ResourceType.TICKETS, 1_000), all);
            int n = all.size();
            List<UUID> page = new ArrayList<>();
            PageSummary exactly = read(snapshot, query(ResourceType.TICKETS, n), page);
            assertThat(exactly).isEqualTo(new PageSummary(n, false, Optional.empty()));
            assertThat(page).isEqualTo(all);
            PageSummary fewer = read(snapshot, query(ResourceType.TICKETS, n - 1), new ArrayList<>());
            assertThat(fewer.rows()).isEqualTo(n - 1);
            assertThat(fewer.hasMore()).isTrue();
            assertThat(fewer.nextCursor().orElseThrow().id()).isEqualTo(all.get(n - 2));
        }
    }

    @Test
    void refusesAFieldTheQueryDidNotRead() throws IOException {
        List<Field> idOnly = ResourceType.TICKETS.selectFields(List.of("id"), "fields");
        try (ReadSnapshot snapshot = open(reader(dataSource))) {
            snapshot.read(
                    new ResourceQuery(
                            ResourceType.TICKETS,
                            ResourceFilters.none(ResourceType.TICKETS),
                            idOnly,
                            Optional.empty(),
                            1),
                    row -> {
                        assertThat(row.value(field(ResourceType.TICKETS, "id"))).isInstanceOf(UUID.class);
                        assertThatThrownBy(() -> row.value(
                                        ResourceType.TICKETS.field("title").orElseThrow()))
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessageContaining("title");
                    });
        }
    }

    @Test
    void opensNoMoreSnapshotsThanItMayAndSaysItIsAtCapacity() throws Exception {
        ReaderSettings one = ReaderSettings.defaults().withMaxSnapshots(1).withCapacityWait(Duration.ofMillis(200));
        JdbcResourceReader reader = new JdbcResourceReader(dataSource, one);
        ReadSnapshot first = open(reader);
        long start = System.nanoTime();
        assertThatThrownBy(() -> open(reader)).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(e.getMessage())
                    .isEqualTo(SqlErrors.AT_CAPACITY_MESSAGE)
                    .contains("capacity")
                    .isNotEqualTo(SqlErrors.UNAVAILABLE_MESSAGE);
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        first.close();
        try (ReadSnapshot second = open(reader)) {
            assertThat(read(second, query(ResourceType.CUSTOMERS, 10), new ArrayList<>())
                            .rows())
                    .isEqualTo(5);
        }
    }

    @Test
    void theDeadlineEndsAReadHoweverItIsBlockedAndFreesTheConnection() throws Exception {
        ReaderSettings settings = ReaderSettings.defaults().withDeadline(Duration.ofMillis(700));
        JdbcResourceReader reader = new JdbcResourceReader(dataSource, settings);
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement statement = locker.createStatement()) {
                statement.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
            }
            try (ReadSnapshot snapshot = open(reader)) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> snapshot.read(query(ResourceType.ARTICLES, 10), row -> {}))
                        .isInstanceOfSatisfying(ExportException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                            assertThat(e.getMessage()).isEqualTo(SqlErrors.TOO_LONG_MESSAGE);
                        });
                // the statement timeout is 30 s: only the deadline can have ended it
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            } finally {
                locker.rollback();
            }
        }
        assertThat(reader.openSnapshots()).isZero();
        assertThat(waitingOnArticles())
                .as("the aborted session is gone from the server")
                .isZero();
    }

    @Test
    void aCancelledExportStopsReadingAtOnce() throws Exception {
        JdbcResourceReader reader = reader(dataSource);
        Cancellation cancellation = new Cancellation();
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement statement = locker.createStatement()) {
                statement.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
            }
            try (ReadSnapshot snapshot = reader.openSnapshot(SCOPE, cancellation)) {
                Thread canceller = new Thread(() -> {
                    sleep(300);
                    cancellation.cancel();
                });
                canceller.start();
                long start = System.nanoTime();
                assertThatThrownBy(() -> snapshot.read(query(ResourceType.ARTICLES, 10), row -> {}))
                        .isInstanceOfSatisfying(
                                ExportException.class,
                                e -> assertThat(e.getMessage()).isEqualTo(SqlErrors.CANCELLED_MESSAGE));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                canceller.join();
            } finally {
                locker.rollback();
            }
        }
        // cancelled before it even opened: the snapshot is stopped at once
        Cancellation already = new Cancellation();
        already.cancel();
        try (ReadSnapshot snapshot = reader.openSnapshot(SCOPE, already)) {
            assertThatThrownBy(() -> snapshot.read(query(ResourceType.TICKETS, 1), row -> {}))
                    .isInstanceOf(ExportException.class);
        } catch (ExportException alsoFine) {
            assertThat(alsoFine.getMessage()).isEqualTo(SqlErrors.CANCELLED_MESSAGE);
        }
        assertThat(reader.openSnapshots()).isZero();
    }

    /**
     * Memory flat in rows and in row size: 100 small articles, then 400 of 250 KB each (100 MB in all: a reader that
     * sized its fetches by the first rows would take 1,000 of them at once), read to the last value in a JVM of 48 MB.
     */
    @Test
    void aSmallHeapReadsBigRowsThatFollowSmallOnes() throws Exception {
        UUID team = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO teams (id, name) VALUES ('" + team + "', 'Big articles')");
            statement.execute("""
                    INSERT INTO articles (id, team_id, mode, title, content, status, created_at, updated_at)
                    SELECT md5('flat-' || i)::uuid, '%s', 'live', 'Article ' || i,
                           CASE WHEN i <= 100 THEN 'short' ELSE repeat(md5(i::text), 7813) END, 'published',
                           timestamptz '2026-03-01T10:00:00Z' + i * interval '1 second',
                           timestamptz '2026-03-01T10:00:00Z' + i * interval '1 second'
                    FROM generate_series(1, 500) AS i""".formatted(team));
        }
        PGSimpleDataSource target = (PGSimpleDataSource) dataSource;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-Xmx48m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        FlatMemoryMain.class.getName(),
                        target.getUrl(),
                        target.getUser(),
                        target.getPassword(),
                        team.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("READ 500 250016");
    }

    private long waitingOnArticles() throws SQLException {
        return TestSql.count(
                dataSource,
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM articles%' "
                        + "AND pid <> pg_backend_pid()");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A consumer that fails in the middle of a page (the spool at capacity, a full disk) leaves the copy unfinished:
     * the failure is the consumer's own, the snapshot reads no more, and its connection is dropped, not handed to the
     * next export in the middle of the protocol (nor cancelled, whose request could hit what the connection runs
     * next): the pool's next snapshot reads the whole page, and no backend is left copying.
     */
    @Test
    void aConsumerThatFailsMidPageDropsTheConnectionAndTheNextSnapshotReadsTheWholePage() throws Exception {
        try (AgroalDataSource pool = TestPools.pooled(dataSource, 1)) {
            JdbcResourceReader reader =
                    new JdbcResourceReader(pool, ReaderSettings.defaults().withMaxSnapshots(1));
            try (ReadSnapshot snapshot = open(reader)) {
                int[] seen = {0};
                assertThatThrownBy(() -> snapshot.read(query(ResourceType.TICKETS, 1_000), row -> {
                            if (++seen[0] == 5) {
                                throw new IOException("spool disk full");
                            }
                        }))
                        .isInstanceOf(IOException.class)
                        .hasMessage("spool disk full");
                assertThatThrownBy(() -> snapshot.read(query(ResourceType.CUSTOMERS, 10), row -> {}))
                        .isInstanceOf(IllegalStateException.class);
            }
            int tickets = ids("SELECT id FROM tickets WHERE team_id = '" + TEAM + "' AND mode = 'live'")
                    .size();
            assertThat(tickets).isGreaterThan(5);
            try (ReadSnapshot next = open(reader)) {
                assertThat(read(next, query(ResourceType.TICKETS, 1_000), new ArrayList<>())
                                .rows())
                        .isEqualTo(tickets);
            }
            assertThat(ids("SELECT gen_random_uuid() FROM pg_stat_activity WHERE query LIKE 'COPY (SELECT%'"
                            + " AND state = 'active' AND pid <> pg_backend_pid()"))
                    .isEmpty();
        }
    }

    @Test
    void aRowIsValidOnlyWhileTheConsumerRuns() throws IOException {
        List<Row> kept = new ArrayList<>();
        try (ReadSnapshot snapshot = open(reader(dataSource))) {
            snapshot.read(query(ResourceType.TICKETS, 2), kept::add);
        }
        assertThat(kept).hasSize(2);
        assertThatThrownBy(() -> kept.get(0).value(field(ResourceType.TICKETS, "id")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JdbcResourceReader reader = reader(TestPostgres.unreachableDatabase(port));

        assertThatThrownBy(() -> open(reader)).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo(SqlErrors.UNAVAILABLE_MESSAGE);
        });
    }

    @Test
    void aStatementStoppedByTheTimeoutIsServiceUnavailableSayingItTookTooLong() throws Exception {
        JdbcResourceReader reader = new JdbcResourceReader(
                dataSource, ReaderSettings.defaults().withStatementTimeout(Duration.ofMillis(300)));
        // a lock held elsewhere makes the read wait, deterministically, until statement_timeout cancels it
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement statement = locker.createStatement()) {
                statement.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
            }
            try (ReadSnapshot snapshot = open(reader)) {
                assertThatThrownBy(() -> snapshot.read(query(ResourceType.ARTICLES, 10), row -> {}))
                        .isInstanceOfSatisfying(ExportException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                            assertThat(e.getMessage())
                                    .isEqualTo(SqlErrors.TOO_LONG_MESSAGE)
                                    .contains("too long");
                            assertThat(e.getCause()).isInstanceOf(SQLException.class);
                            assertThat(((SQLException) e.getCause()).getSQLState())
                                    .isEqualTo("57014");
                        });
            } finally {
                locker.rollback();
            }
        }
    }

    @Test
    void anyOtherFailureIsAnInternalErrorWhoseMessageHoldsNoSql() {
        JdbcResourceReader reader = reader(TestPostgres.emptyDatabase());
        try (ReadSnapshot snapshot = open(reader)) {
            assertThatThrownBy(() -> snapshot.read(query(ResourceType.TICKETS, 10), row -> {}))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
                        assertThat(e.getMessage())
                                .isEqualTo(SqlErrors.INTERNAL_MESSAGE)
                                .doesNotContainIgnoringCase("select")
                                .doesNotContainIgnoringCase("tickets")
                                .doesNotContainIgnoringCase("relation");
                    });
        }
    }

    private static ResourceQuery query(ResourceType type, int limit) {
        return new ResourceQuery(type, ResourceFilters.none(type), type.fields(), Optional.empty(), limit);
    }

    private static UUID uuidOf(String seed) {
        // md5(seed)::uuid as PostgreSQL computes it
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(seed.getBytes(StandardCharsets.UTF_8));
            ByteBuffer buffer = ByteBuffer.wrap(md5);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<UUID> ids(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        }
    }

    /** A real DataSource that remembers the connections it handed out. */
    private static final class TrackingDataSource implements DataSource {
        private final DataSource delegate;
        private final List<Connection> connections = new ArrayList<>();

        TrackingDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = delegate.getConnection();
            connections.add(connection);
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Connection connection = delegate.getConnection(username, password);
            connections.add(connection);
            return connection;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return delegate.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return delegate.isWrapperFor(type);
        }
    }
}
