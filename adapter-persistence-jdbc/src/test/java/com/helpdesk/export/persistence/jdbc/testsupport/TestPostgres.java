package com.helpdesk.export.persistence.jdbc.testsupport;

import com.helpdesk.export.demo.DemoLoader;
import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.SchemaMigrations;
import com.helpdesk.export.persistence.jdbc.read.ExportReadRole;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server per test JVM, started lazily and stopped by its shutdown hook. Tests that change
 * data get a database of their own ({@link #migratedDatabase()}); the demo database is shared and read-only by
 * convention.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedDatabase server;
    private static DataSource demo;

    private TestPostgres() {}

    public static synchronized EmbeddedDatabase server() {
        if (server == null) {
            server = EmbeddedDatabase.startTemporary();
        }
        return server;
    }

    /** A new, empty database (no schema). */
    public static DataSource emptyDatabase() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name); // a name made here, never input
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dataSource(name);
    }

    /** A new database with the schema migrated and no rows. */
    public static DataSource migratedDatabase() {
        DataSource dataSource = emptyDatabase();
        SchemaMigrations.migrate(dataSource);
        return dataSource;
    }

    /** The shared database with the demo dataset loaded: do not change it. */
    public static synchronized DataSource demoDatabase() {
        if (demo == null) {
            DataSource dataSource = migratedDatabase();
            DemoLoader.load(dataSource);
            demo = dataSource;
        }
        return demo;
    }

    private static DataSource dataSource(String database) {
        return dataSource(database, server().username(), server().password());
    }

    private static DataSource dataSource(String database, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {server().port()});
        dataSource.setDatabaseName(database);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** The login role the export reads of these tests use, made once per server. */
    public static final String READER = "test_export_reader";

    private static String readerPassword;

    /**
     * The same database as {@code database}, as the export read role ({@link ExportReadRole}): what the service's
     * export snapshots connect as. The database must be migrated (the migrations grant the role what it reads).
     */
    public static synchronized DataSource asExportReader(DataSource database) {
        if (readerPassword == null) {
            readerPassword = UUID.randomUUID().toString();
            ExportReadRole.provideLogin(server().dataSource(), READER, readerPassword);
        }
        return dataSource(((PGSimpleDataSource) database).getDatabaseName(), READER, readerPassword);
    }

    /** A DataSource on a port where nothing listens. */
    public static DataSource unreachableDatabase(int port) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("postgres");
        dataSource.setConnectTimeout(2);
        return dataSource;
    }
}
