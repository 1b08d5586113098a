package com.helpdesk.export.persistence.jdbc.testsupport;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
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
     * An Agroal pool of up to {@code maxSize} connections to the database of {@code database}, which validates a
     * connection before it hands it out, as the service's export pool does ({@code validate-on-borrow}: a snapshot
     * whose connection was aborted gives back a closed connection, which the pool must not hand to the next export);
     * close it after use.
     */
    public static AgroalDataSource pooled(DataSource database, int maxSize) {
        PGSimpleDataSource target = (PGSimpleDataSource) database;
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(maxSize)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .validateOnBorrow(true)
                        .connectionValidator(ConnectionValidator.defaultValidator())
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
