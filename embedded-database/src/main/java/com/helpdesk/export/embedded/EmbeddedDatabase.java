package com.helpdesk.export.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server run from zonky's embedded binaries, for development, demos and tests. It listens on
 * localhost only and takes password authentication (SCRAM-SHA-256) for {@link #username()}, with a random password
 * made when the cluster is created and kept in the data directory ({@value #PASSWORD_FILE}, readable by its owner
 * only). A cluster made by an earlier version with trust authentication is switched to passwords at its next start.
 *
 * <ul>
 *   <li>{@link #start(Path, int)}: on a persistent data directory. The cluster is created (initdb) only when the
 *   directory holds none yet; otherwise it is started as it was left, data included. A postmaster left running on
 *   that directory by a JVM that was killed ({@code kill -9}) is stopped first.</li>
 *   <li>{@link #startTemporary()}: on a fresh temporary directory and a free port, deleted on {@link #close()}.</li>
 * </ul>
 *
 * Either is stopped by {@link #close()}, or by a shutdown hook when the JVM exits normally. Runs as root too:
 * zonky then starts postgres in a user namespace.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    /** The server's password, in the data directory. */
    static final String PASSWORD_FILE = "helpdesk-export.password";

    private static final String SERVER_CONFIG = "postgresql.conf";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** zonky's own lock file in the data directory, held by the JVM that runs the server. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** Where glibc keeps the C.UTF-8 locale on Debian and Ubuntu. */
    private static final Path C_UTF8_LOCALE = Path.of("/usr/lib/locale/C.utf8");

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    /** Data directories this JVM serves now, so that the same one is never started twice. */
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path claimed;
    private volatile String password;
    private final PGSimpleDataSource dataSource;
    private volatile boolean closed;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Path claimed, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.claimed = claimed;
        this.password = password;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {postgres.getPort()});
        dataSource.setDatabaseName(DATABASE);
        dataSource.setUser(USER);
        dataSource.setPassword(password);
        dataSource.setApplicationName("helpdesk-export");
    }

    /**
     * Starts a server on a persistent data directory (created if missing; never wiped).
     *
     * @param port the port to listen on, or 0 for any free one
     * @throws IllegalStateException when the directory is in use by a running server of this or another live
     *                               JVM, or the server does not start
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        return start(dataDirectory, port, false);
    }

    /**
     * Starts a server on a persistent data directory, as {@link #start}, that is never a replication primary or
     * standby: it runs with the least WAL ({@code wal_level = minimal}, no WAL senders), so that what a transaction
     * writes into tables whose files it created (the demo load, see {@code DemoLoader}) is written once. The
     * service's own database; a server that will be streamed from, or is a standby, is started with {@link #start}.
     */
    public static EmbeddedDatabase startStandalone(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    private static EmbeddedDatabase start(Path dataDirectory, int port, boolean standalone) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1 to 65535");
        }
        Path directory;
        try {
            Files.createDirectories(dataDirectory);
            directory = dataDirectory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDirectory, e);
        }
        if (!IN_USE.add(directory)) {
            throw new IllegalStateException("An embedded database already runs on " + directory + " in this JVM.");
        }
        try {
            ensureNoLiveOwner(directory);
            LeftoverPostmaster.stopIfRunning(directory, SHUTDOWN_GRACE);
            boolean exists = Files.exists(directory.resolve(SERVER_CONFIG));
            Path passwordFile = directory.resolve(PASSWORD_FILE);
            boolean legacyTrust = exists && !Files.exists(passwordFile);
            String password =
                    exists && !legacyTrust ? Files.readString(passwordFile).strip() : newPassword();
            EmbeddedPostgres.Builder builder = builder(exists ? null : password);
            if (standalone) {
                builder.setServerConfig("wal_level", "minimal").setServerConfig("max_wal_senders", "0");
            }
            EmbeddedPostgres postgres = start(
                    builder.setDataDirectory(directory)
                            .setCleanDataDirectory(false) // keep the data; initdb runs only if there is no cluster yet
                            .setPort(port == 0 ? freePort() : port),
                    password);
            if (legacyTrust) {
                requirePasswords(postgres, directory, password);
            }
            return new EmbeddedDatabase(postgres, directory, directory, password);
        } catch (IOException e) {
            IN_USE.remove(directory);
            throw new IllegalStateException("The embedded database on " + directory + " did not start.", e);
        } catch (RuntimeException e) {
            IN_USE.remove(directory);
            throw e;
        }
    }

    /** Starts a server on a fresh temporary directory and a free port; both are given up on {@link #close()}. */
    public static EmbeddedDatabase startTemporary() {
        try {
            Path directory = Files.createTempDirectory("helpdesk-export-pg");
            String password = newPassword();
            EmbeddedPostgres postgres = start(
                    builder(password)
                            .setDataDirectory(directory)
                            .setCleanDataDirectory(true)
                            .setPort(freePort()),
                    password);
            return new EmbeddedDatabase(postgres, directory, null, password);
        } catch (IOException e) {
            throw new IllegalStateException("The temporary embedded database did not start.", e);
        }
    }

    /**
     * @param newClusterPassword the superuser's password when the cluster is to be created (initdb then sets it and
     *                           password authentication), or null for an existing cluster
     */
    private static EmbeddedPostgres.Builder builder(String newClusterPassword) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", "localhost");
        if (newClusterPassword != null) {
            // zonky passes each locale setting to initdb as --key=value: password authentication from the start, and
            // the password from a file that initdb reads once (deleted after the start); the data directory keeps it
            Path initdbPassword = Files.createTempFile("helpdesk-export-initdb", ".pw", OWNER_ONLY);
            Files.writeString(initdbPassword, newClusterPassword);
            initdbPassword.toFile().deleteOnExit();
            builder.setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", initdbPassword.toString())
                    .setDataDirectoryCustomizer(dir -> {
                        try {
                            writePassword(dir.toPath(), newClusterPassword);
                            Files.deleteIfExists(initdbPassword);
                        } catch (IOException e) {
                            throw new UncheckedIOException("The embedded database's password was not kept", e);
                        }
                    });
        }
        if (Files.isDirectory(C_UTF8_LOCALE)) {
            // Fixed locale for new clusters, whatever the environment says: Unicode case rules for ILIKE/lower()
            // (search is case-insensitive beyond ASCII), byte-order collation. Used by initdb only.
            builder.setLocaleConfig("lc-ctype", "C.UTF-8").setLocaleConfig("lc-collate", "C");
        }
        return builder;
    }

    /** Starts the server; zonky's own readiness check connects with the password. */
    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, String password) throws IOException {
        return builder.setConnectConfig("password", password).start();
    }

    /**
     * A cluster of an earlier version trusted every local connection: give the superuser the new password, switch
     * its authentication rules to SCRAM-SHA-256 and reload them, then keep the password.
     */
    private static void requirePasswords(EmbeddedPostgres postgres, Path directory, String password)
            throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER USER " + USER + " PASSWORD '" + password + "'"); // letters and digits only
            Path hba = directory.resolve("pg_hba.conf");
            Files.writeString(hba, Files.readString(hba).replaceAll("(?m)\\btrust\\s*$", "scram-sha-256"));
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("The embedded database could not be switched to password authentication", e);
        }
        writePassword(directory, password);
    }

    private static void writePassword(Path directory, String password) throws IOException {
        Path file = directory.resolve(PASSWORD_FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, OWNER_ONLY);
        Files.writeString(file, password + "\n");
    }

    /**
     * The password of the cluster in {@code dataDirectory}, for a client of a server that runs already (the admin
     * commands beside a running service); empty when there is none.
     */
    public static Optional<String> storedPassword(Path dataDirectory) {
        try {
            return Optional.of(
                    Files.readString(dataDirectory.resolve(PASSWORD_FILE)).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** 32 random letters and digits. */
    private static String newPassword() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /**
     * Refuses a data directory whose zonky lock another live process holds: its server is in use, not left over.
     * A JVM killed with kill -9 holds no lock any more.
     */
    private static void ensureNoLiveOwner(Path directory) throws IOException {
        Path lockFile = directory.resolve(ZONKY_LOCK_FILE);
        FileChannel channel;
        try {
            // never create the file: initdb wants an empty directory
            channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return;
        }
        try (channel) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException(
                        "The embedded database on " + directory + " is in use by another running process.");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("The embedded database on " + directory + " is in use in this JVM.", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** e.g. {@code jdbc:postgresql://localhost:5433/postgres} */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    /** The superuser's password, made when the cluster was created (or {@link #renewPassword renewed}). */
    public String password() {
        return password;
    }

    /**
     * Gives the superuser a new random password and keeps it in the data directory in place of the old one, so
     * that a cluster copied from another (the build's prepared demo database) shares no password with it or with
     * the other copies.
     */
    public synchronized void renewPassword() {
        String renewed = newPassword();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER USER " + USER + " PASSWORD '" + renewed + "'"); // letters and digits only
            writePassword(dataDirectory, renewed);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The embedded database's password could not be renewed", e);
        }
        password = renewed;
        dataSource.setPassword(renewed);
    }

    /**
     * A secret of this cluster kept in its data directory ({@code helpdesk-export-<name>.secret}, readable by its
     * owner only), made at the first ask: 32 random letters and digits, e.g. the password of a role the service
     * makes in it.
     *
     * @param name lower-case letters and dashes
     */
    public synchronized String storedSecret(String name) {
        if (!name.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("a secret's name is lower-case letters and dashes: " + name);
        }
        Path file = dataDirectory.resolve("helpdesk-export-" + name + ".secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String secret = newPassword();
            Files.createFile(file, OWNER_ONLY);
            Files.writeString(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("The secret " + name + " could not be kept in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A non-pooling DataSource on {@link #jdbcUrl()}: each {@code getConnection()} opens a new connection. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Stops the server (fast shutdown); a temporary one's directory is deleted. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded database did not stop cleanly.", e);
        } finally {
            if (claimed != null) {
                IN_USE.remove(claimed);
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[" + jdbcUrl() + ", " + dataDirectory + "]";
    }
}
