package com.helpdesk.export.assembly;

import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.SchemaMigrations;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database the administration commands work on, found the way the service finds its own: the configured
 * PostgreSQL ({@link #configured}), or else the embedded one on the service's data directory and port
 * ({@link #embedded}). Nothing is opened until {@link #open()}, so that a mistyped command line starts no server.
 *
 * <p>The embedded database is used in place when the service (or any process) already runs it: a server that
 * answers on the port and serves that very data directory is connected to; otherwise the server is started for the
 * command and stopped again by {@link #close()}. Either way the schema is brought up to date first
 * ({@link SchemaMigrations}, as the service does at start), so that a fresh database works.
 */
public final class AdminDatabase implements AutoCloseable {

    /** The embedded server's database and superuser (see {@link EmbeddedDatabase}: its password is in its folder). */
    private static final String EMBEDDED_DATABASE = "postgres";

    private static final String EMBEDDED_USER = "postgres";
    private static final int PROBE_TIMEOUT_SECONDS = 2;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final Path dataDirectory;
    private final int port;
    private final PrintStream notes;
    private DataSource dataSource;
    private EmbeddedDatabase started;

    private AdminDatabase(
            String jdbcUrl, String username, String password, Path dataDirectory, int port, PrintStream notes) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.notes = Objects.requireNonNull(notes, "notes");
    }

    /**
     * A configured PostgreSQL ({@code quarkus.datasource.jdbc.url} and its user and password).
     *
     * @param username {@code null} for the URL's own or the driver's default
     * @param password {@code null} for none
     * @param notes    where a line says which database is used (standard error, say)
     */
    public static AdminDatabase configured(String jdbcUrl, String username, String password, PrintStream notes) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new AdminDatabase(jdbcUrl, username, password, null, 0, notes);
    }

    /**
     * The embedded PostgreSQL on {@code dataDirectory} and {@code port}, as the service runs it.
     *
     * @param port 0 for any free port (then a running server cannot be found, and one is always started)
     */
    public static AdminDatabase embedded(Path dataDirectory, int port, PrintStream notes) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1 to 65535");
        }
        return new AdminDatabase(null, null, null, dataDirectory, port, notes);
    }

    /**
     * The database, migrated: connects, or starts the embedded server, on the first call only.
     *
     * @throws RuntimeException when it cannot be reached, started or migrated
     */
    public synchronized DataSource open() {
        if (dataSource == null) {
            DataSource opened = jdbcUrl != null ? openConfigured() : openEmbedded();
            SchemaMigrations.migrate(opened);
            dataSource = opened;
        }
        return dataSource;
    }

    private DataSource openConfigured() {
        PGSimpleDataSource configured = new PGSimpleDataSource();
        configured.setURL(jdbcUrl); // refuses anything but a jdbc:postgresql: URL
        if (username != null) {
            configured.setUser(username);
        }
        if (password != null) {
            configured.setPassword(password);
        }
        configured.setApplicationName("helpdesk-export-admin");
        // without the URL's parameters: they may hold a password
        int parameters = jdbcUrl.indexOf('?');
        notes.println("Database: " + (parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters)) + " (configured).");
        return configured;
    }

    private DataSource openEmbedded() {
        PGSimpleDataSource running = embeddedDataSource(port);
        EmbeddedDatabase.storedPassword(dataDirectory).ifPresent(running::setPassword);
        if (port != 0 && servesDataDirectory(running)) {
            notes.println("Database: the embedded PostgreSQL already running in " + dataDirectory.toAbsolutePath()
                    + " on port " + port + ".");
            return running;
        }
        notes.println("Database: starting the embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
                + (port == 0 ? " on a free port" : " on port " + port) + " for this command.");
        started = EmbeddedDatabase.startStandalone(dataDirectory, port);
        return started.dataSource();
    }

    private static PGSimpleDataSource embeddedDataSource(int port) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(EMBEDDED_DATABASE);
        dataSource.setUser(EMBEDDED_USER);
        dataSource.setConnectTimeout(PROBE_TIMEOUT_SECONDS);
        dataSource.setApplicationName("helpdesk-export-admin");
        return dataSource;
    }

    /** Whether a server answers on the port and runs on this data directory (not just any server). */
    private boolean servesDataDirectory(DataSource candidate) {
        if (!Files.isDirectory(dataDirectory)) {
            return false;
        }
        try (Connection connection = candidate.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW data_directory")) {
            return row.next() && Files.isSameFile(Path.of(row.getString(1)), dataDirectory);
        } catch (SQLException | IOException | RuntimeException e) {
            return false; // nothing there, another server, or a path this process cannot see: start our own
        }
    }

    /** Stops the embedded server if this object started it; a running service's server is left alone. */
    @Override
    public synchronized void close() {
        if (started != null) {
            try {
                started.close();
            } finally {
                started = null;
                dataSource = null;
            }
        }
    }
}
