package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.PageSummary;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceQuery;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
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
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the contract cannot say generically: snapshot isolation, connection handling and error translation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcResourceReaderTest {

    private static final UUID TEAM = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final Scope SCOPE = new Scope(new TeamId(TEAM), Mode.LIVE);

    private DataSource dataSource;

    @BeforeAll
    void fixture() throws SQLException {
        dataSource = TestPostgres.migratedDatabase();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
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

    @Test
    void aSnapshotKeepsShowingTheDataAsItWasWhenItWasOpened() throws Exception {
        JdbcResourceReader reader = new JdbcResourceReader(dataSource, Duration.ofSeconds(30));
        List<UUID> ticketsBefore = ids("SELECT id FROM tickets ORDER BY created_at, id");
        List<UUID> customersBefore = ids("SELECT id FROM customers ORDER BY created_at, id");
        ResourceQuery tickets = query(ResourceType.TICKETS, 1_000);
        ResourceQuery customers = query(ResourceType.CUSTOMERS, 1_000);

        try (ReadSnapshot snapshot = reader.openSnapshot(SCOPE)) {
            PageSummary summary = snapshot.summarize(tickets);
            assertThat(summary.rows()).isEqualTo(40);

            // another connection changes both tables and commits
            try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
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
                                timestamptz '2026-03-01T10:02:30Z', timestamptz '2026-03-01T10:02:30Z')"""
                        .formatted(TEAM));
                statement.execute("DELETE FROM customers WHERE id = md5('fixture-customer-4')::uuid");
            }
            assertThat(ids("SELECT id FROM tickets")).hasSize(42);

            List<UUID> streamed = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            snapshot.stream(tickets, row -> {
                streamed.add((UUID) row.value(0));
                titles.add((String) row.value(1));
            });
            assertThat(streamed).hasSize(summary.rows()).isEqualTo(ticketsBefore);
            assertThat(titles).doesNotContain("Changed").contains("Ticket 5", "Ticket 20");

            // a second resource, read later in the same snapshot, does not see the change either
            PageSummary customerSummary = snapshot.summarize(customers);
            List<UUID> streamedCustomers = new ArrayList<>();
            snapshot.stream(customers, row -> streamedCustomers.add((UUID) row.value(0)));
            assertThat(customerSummary.rows()).isEqualTo(5);
            assertThat(streamedCustomers).isEqualTo(customersBefore);
        }

        try (ReadSnapshot later = reader.openSnapshot(SCOPE)) {
            assertThat(later.summarize(tickets).rows()).isEqualTo(42);
            assertThat(later.summarize(customers).rows()).isEqualTo(5);
            List<UUID> streamed = new ArrayList<>();
            later.stream(tickets, row -> streamed.add((UUID) row.value(0)));
            assertThat(streamed).doesNotContain(uuidOf("fixture-ticket-20")).contains(uuidOf("late-ticket-2"));
        }
    }

    @Test
    void closingGivesTheConnectionBackAndIsSafeTwice() {
        TrackingDataSource tracking = new TrackingDataSource(dataSource);
        ReadSnapshot snapshot = new JdbcResourceReader(tracking, Duration.ofSeconds(30)).openSnapshot(SCOPE);
        assertThat(tracking.connections).hasSize(1);

        snapshot.close();
        snapshot.close();

        assertThat(tracking.connections).allSatisfy(connection -> assertThat(connection.isClosed()).isTrue());
        assertThatThrownBy(() -> snapshot.summarize(query(ResourceType.TICKETS, 10)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSnapshotIsAReadOnlyRepeatableReadTransactionWithTheStatementTimeout() throws Exception {
        TrackingDataSource tracking = new TrackingDataSource(dataSource);
        try (ReadSnapshot snapshot = new JdbcResourceReader(tracking, Duration.ofMillis(4_321)).openSnapshot(SCOPE)) {
            Connection connection = tracking.connections.get(0);
            try (Statement statement = connection.createStatement();
                 ResultSet settings = statement.executeQuery("SELECT current_setting('transaction_isolation'), "
                         + "current_setting('transaction_read_only'), current_setting('statement_timeout')")) {
                settings.next();
                assertThat(settings.getString(1)).isEqualTo("repeatable read");
                assertThat(settings.getString(2)).isEqualTo("on");
                assertThat(settings.getString(3)).isEqualTo("4321ms");
            }
        }
    }

    @Test
    void aRowIsValidOnlyWhileTheConsumerRuns() throws IOException {
        List<Row> kept = new ArrayList<>();
        try (ReadSnapshot snapshot = new JdbcResourceReader(dataSource, Duration.ofSeconds(30)).openSnapshot(SCOPE)) {
            snapshot.stream(query(ResourceType.TICKETS, 2), kept::add);
        }
        assertThat(kept).hasSize(2);
        assertThatThrownBy(() -> kept.get(0).value(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JdbcResourceReader reader = new JdbcResourceReader(TestPostgres.unreachableDatabase(port), Duration.ofSeconds(5));

        assertThatThrownBy(() -> reader.openSnapshot(SCOPE))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).isEqualTo(SqlErrors.UNAVAILABLE_MESSAGE);
                });
    }

    @Test
    void aStatementStoppedByTheTimeoutIsServiceUnavailableSayingItTookTooLong() throws Exception {
        JdbcResourceReader reader = new JdbcResourceReader(dataSource, Duration.ofMillis(300));
        // a lock held elsewhere makes the read wait, deterministically, until statement_timeout cancels it
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement statement = locker.createStatement()) {
                statement.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
            }
            try (ReadSnapshot snapshot = reader.openSnapshot(SCOPE)) {
                assertThatThrownBy(() -> snapshot.summarize(query(ResourceType.ARTICLES, 10)))
                        .isInstanceOfSatisfying(ExportException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                            assertThat(e.getMessage()).isEqualTo(SqlErrors.TOO_LONG_MESSAGE).contains("too long");
                            assertThat(e.getCause()).isInstanceOf(SQLException.class);
                            assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("57014");
                        });
            } finally {
                locker.rollback();
            }
        }
    }

    @Test
    void anyOtherFailureIsAnInternalErrorWhoseMessageHoldsNoSql() {
        JdbcResourceReader reader = new JdbcResourceReader(TestPostgres.emptyDatabase(), Duration.ofSeconds(5));
        try (ReadSnapshot snapshot = reader.openSnapshot(SCOPE)) {
            assertThatThrownBy(() -> snapshot.summarize(query(ResourceType.TICKETS, 10)))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
                        assertThat(e.getMessage()).isEqualTo(SqlErrors.INTERNAL_MESSAGE)
                                .doesNotContainIgnoringCase("select").doesNotContainIgnoringCase("tickets")
                                .doesNotContainIgnoringCase("relation");
                    });
        }
    }

    private static ResourceQuery query(ResourceType type, int limit) {
        return new ResourceQuery(type, ResourceFilters.none(type), Optional.empty(), limit);
    }

    private static UUID uuidOf(String seed) {
        // md5(seed)::uuid as PostgreSQL computes it
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(md5);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
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
