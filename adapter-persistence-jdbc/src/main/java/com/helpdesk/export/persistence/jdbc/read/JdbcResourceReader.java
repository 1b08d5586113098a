package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.port.ChangeReader;
import com.helpdesk.export.domain.port.ChangeSnapshot;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceReader;
import com.helpdesk.export.persistence.jdbc.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The {@link ResourceReader} over PostgreSQL. Each snapshot holds one connection in a
 * {@code REPEATABLE READ, READ ONLY} transaction, so that every resource of an export is read from the same moment.
 * Rows come in (created_at, id) order, continued after a cursor by keyset ({@code (created_at, id) > (<time>, <id>)}), always
 * restricted to the snapshot's team and mode, one query per resource, streamed by {@code COPY} in binary
 * ({@link BinaryCopy}): what a snapshot holds of a query's rows is one row, whatever their number and size. The copy
 * is one statement, so {@code statement_timeout} bounds a page's whole read, the consumer's work on its rows
 * included (with portal fetches it bounded each fetch).
 *
 * <p>Bounds ({@link ReaderSettings}): at most {@code maxSnapshots} snapshots at once (an export that cannot have one
 * within {@code capacityWait} is refused: at capacity); {@code statement_timeout} per statement and
 * {@code idle_in_transaction_session_timeout} ({@code SET LOCAL}, so they end with the transaction and never leak
 * into a pooled connection); one deadline for the whole snapshot, at which its connection is aborted, as it is when
 * the export is cancelled (its client left), so that a statement blocked on a database that stopped answering ends
 * too.
 */
public final class JdbcResourceReader implements ResourceReader, ChangeReader, AutoCloseable {

    private final DataSource dataSource;
    private final ReaderSettings settings;
    private final Semaphore snapshots;
    private final ScheduledExecutorService watchdog;

    public JdbcResourceReader(DataSource dataSource, ReaderSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.snapshots = new Semaphore(settings.maxSnapshots(), true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "export-read-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ReadSnapshot openSnapshot(Scope scope, Cancellation cancellation) {
        return open(scope, cancellation);
    }

    /** A snapshot as an export's is, which reads the change feeds of {@code scope}. */
    @Override
    public ChangeSnapshot openChanges(Scope scope, Cancellation cancellation) {
        return open(scope, cancellation);
    }

    private JdbcReadSnapshot open(Scope scope, Cancellation cancellation) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cancellation, "cancellation");
        if (!acquireSnapshot()) {
            throw SqlErrors.atCapacity();
        }
        long deadlineNanos = System.nanoTime() + settings.deadline().toNanos();
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            snapshots.release();
            throw SqlErrors.connectionUnavailable(e);
        } catch (RuntimeException | Error e) {
            snapshots.release();
            throw e;
        }
        JdbcReadSnapshot snapshot = new JdbcReadSnapshot(
                connection, scope, settings, deadlineNanos, watchdog, cancellation, snapshots::release);
        try {
            snapshot.began(begin(connection));
            return snapshot;
        } catch (SQLException e) {
            RuntimeException translated = snapshot.translate(e);
            snapshot.close();
            throw translated;
        } catch (RuntimeException | Error e) {
            snapshot.close();
            throw e;
        }
    }

    private boolean acquireSnapshot() {
        try {
            return snapshots.tryAcquire(settings.capacityWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts the snapshot's transaction and answers what its first query, which fixes the snapshot, says of the change
     * feeds: the snapshot's xmin (the feeds' horizon), the cluster's system identifier and the database's time.
     */
    private JdbcReadSnapshot.Start begin(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
        }
        try (Statement statement = connection.createStatement()) {
            // the first statement of the transaction, before any query takes its snapshot
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('statement_timeout', ?, "
                + "true), set_config('idle_in_transaction_session_timeout', ?, true), "
                + "pg_snapshot_xmin(pg_current_snapshot())::text, "
                + "(SELECT system_identifier FROM pg_control_system()), now()")) {
            // set_config(..., true) is SET LOCAL with a bound value; this first query also fixes the snapshot. A
            // session left idle in its transaction past the deadline (a bug, or a JVM that froze) is ended by the
            // server itself.
            statement.setString(1, Long.toString(settings.statementTimeout().toMillis()));
            statement.setString(2, Long.toString(settings.deadline().toMillis() + 5_000));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new JdbcReadSnapshot.Start(
                        Long.parseLong(row.getString(3)),
                        row.getLong(4),
                        row.getTimestamp(5).toInstant());
            }
        }
    }

    /** Snapshots open now. */
    public int openSnapshots() {
        return settings.maxSnapshots() - snapshots.availablePermits();
    }

    /** Stops the deadline timer; snapshots still open are not closed. */
    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
