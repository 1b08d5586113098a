package com.helpdesk.export.persistence.jdbc.testsupport;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Other ways to reach a test database of {@link TestPostgres}: through a real connection pool (Agroal, the pool
 * Quarkus uses), or through a second, independent DataSource object, as another service instance would.
 */
public final class TestPools {

    private TestPools() {}

    /**
     * An Agroal pool of up to {@code maxSize} connections to the database of {@code database}, with the exception
     * sorter Quarkus gives a PostgreSQL datasource (every {@code 08…} state is fatal: a snapshot whose connection was
     * aborted gives it back closed, and the pool discards it instead of handing it to the next export); close it
     * after use.
     */
    public static AgroalDataSource pooled(DataSource database, int maxSize) {
        return pool(database, maxSize, false);
    }

    /**
     * The same pool with its counters on: {@code getMetrics().acquireCount()} counts every connection taken from it,
     * that is every call of an adapter that takes one connection per call.
     */
    public static AgroalDataSource counted(DataSource database, int maxSize) {
        return pool(database, maxSize, true);
    }

    private static AgroalDataSource pool(DataSource database, int maxSize, boolean metrics) {
        PGSimpleDataSource target = (PGSimpleDataSource) database;
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(metrics)
                .connectionPoolConfiguration(pool -> pool.maxSize(maxSize)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .exceptionSorter(new PostgreSQLExceptionSorter())
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(target.getUrl())
                                .principal(new NamePrincipal(target.getUser()))
                                .credential(new SimplePassword(target.getPassword()))));
        try {
            return AgroalDataSource.from(configuration);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new DataSource object (sharing nothing with {@code database}) for the same database. */
    public static DataSource sameDatabase(DataSource database) {
        PGSimpleDataSource target = (PGSimpleDataSource) database;
        PGSimpleDataSource other = new PGSimpleDataSource();
        other.setUrl(target.getUrl());
        other.setUser(target.getUser());
        other.setPassword(target.getPassword());
        return other;
    }
}
