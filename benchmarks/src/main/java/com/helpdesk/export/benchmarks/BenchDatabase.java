package com.helpdesk.export.benchmarks;

import com.helpdesk.export.demo.DemoLoader;
import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.SchemaMigrations;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The demo database the JMH benchmarks read from. With {@code -Dbench.jdbc.url=jdbc:postgresql://…} (what
 * scripts/benchmark.sh passes: the service's own embedded server) that database is used as it is; without it, a
 * temporary embedded PostgreSQL is started, migrated and loaded with the demo dataset (a few seconds, once per
 * JMH fork) and stopped when the JVM exits. {@link #pooled()} hands out one connection again and again, as a pool
 * would, so that a benchmark does not measure connecting.
 */
final class BenchDatabase {

    private static DataSource dataSource;

    private BenchDatabase() {}

    private static Connection shared;

    /** A data source over one connection that stays open: its close() gives it back rather than closing it. */
    static synchronized DataSource pooled() {
        DataSource physical = dataSource();
        return (DataSource) Proxy.newProxyInstance(
                BenchDatabase.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return lease(physical);
                });
    }

    private static synchronized Connection lease(DataSource physical) throws SQLException {
        if (shared == null || shared.isClosed()) {
            shared = physical.getConnection();
        }
        Connection connection = shared;
        return (Connection) Proxy.newProxyInstance(
                BenchDatabase.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static synchronized DataSource dataSource() {
        if (dataSource == null) {
            // the Quarkus jars on this class path install JBoss LogManager as java.util.logging's manager, with every
            // level enabled and records queued until logging is configured, which never happens here: pgjdbc's
            // FINEST logging would then cost more than the work measured. The service logs at INFO; so do we.
            Logger.getLogger("").setLevel(Level.INFO);
            String url = System.getProperty("bench.jdbc.url");
            if (url != null && !url.isBlank()) {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setUrl(url);
                pg.setUser(System.getProperty("bench.jdbc.user", "postgres"));
                pg.setPassword(System.getProperty("bench.jdbc.password", "postgres"));
                pg.setApplicationName("helpdesk-export-jmh");
                dataSource = pg;
            } else {
                EmbeddedDatabase database = EmbeddedDatabase.startTemporary();
                Runtime.getRuntime().addShutdownHook(new Thread(database::close));
                SchemaMigrations.migrate(database.dataSource());
                DemoLoader.load(database.dataSource());
                dataSource = database.dataSource();
            }
        }
        return dataSource;
    }
}
