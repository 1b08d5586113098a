package com.helpdesk.export.persistence.jdbc;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings a database's schema up to date with the Flyway scripts in {@value #LOCATION}. The scripts are plain
 * PostgreSQL SQL without placeholders, so that quarkus-flyway can run the very same location instead of this
 * class.
 */
public final class SchemaMigrations {

    /** Where the migration scripts are, as Flyway (and quarkus-flyway) name it. */
    public static final String LOCATION = "classpath:db/migration";

    private SchemaMigrations() {}

    /** Applies every pending migration; a schema already up to date is left as it is. */
    public static void migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate();
    }
}
