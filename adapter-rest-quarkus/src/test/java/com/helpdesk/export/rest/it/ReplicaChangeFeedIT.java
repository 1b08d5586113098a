package com.helpdesk.export.rest.it;

import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.SchemaMigrations;
import com.helpdesk.export.persistence.jdbc.read.ChangeFeedWorkload;
import com.helpdesk.export.persistence.jdbc.read.ExportReadRole;
import com.helpdesk.export.persistence.jdbc.read.JdbcResourceReader;
import com.helpdesk.export.persistence.jdbc.read.ReaderSettings;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The change feed's promises with the reader on a streaming hot standby (built from the embedded binaries, as
 * {@link ReplicaIT} builds it), and with the reader switching between the primary and the standby from one page to
 * the next: the same concurrent, seeded workload as {@code ChangeFeedExactnessTest} ({@link ChangeFeedWorkload})
 * writes on the primary; the copies followed through the standby, or through both in turn, equal the source and saw
 * every version once, in order. On a standby the feed's horizon is the xmin of a snapshot built from the primary's
 * running transactions as replayed, so a cursor issued on one works on the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaChangeFeedIT {

    @TempDir
    static Path work;

    private EmbeddedDatabase primary;
    private EmbeddedDatabase standby;
    private JdbcResourceReader onPrimary;
    private JdbcResourceReader onStandby;

    @BeforeAll
    void start() throws Exception {
        primary = EmbeddedDatabase.startTemporary();
        SchemaMigrations.migrate(primary.dataSource());
        ExportReadRole.provideLogin(primary.dataSource(), "reader", "reader-secret");
        standby = StandbyDatabase.of(primary, work.resolve("standby"));
        onPrimary = new JdbcResourceReader(asReader(primary), ReaderSettings.defaults());
        onStandby = new JdbcResourceReader(asReader(standby), ReaderSettings.defaults());
    }

    private static DataSource asReader(EmbeddedDatabase database) {
        PGSimpleDataSource reader = new PGSimpleDataSource();
        reader.setUrl(database.jdbcUrl());
        reader.setUser("reader");
        reader.setPassword("reader-secret");
        return reader;
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {onPrimary, onStandby, standby, primary}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void followedOnTheStandbyTheCopiesEqualTheSourceEachVersionOnceInOrder() throws Exception {
        new ChangeFeedWorkload("ReplicaChangeFeedIT standby").run(primary.dataSource(), List.of(onStandby), onPrimary);
    }

    @Test
    void switchingBetweenPrimaryAndStandbyEveryPageTheCopiesStillEqualTheSource() throws Exception {
        new ChangeFeedWorkload("ReplicaChangeFeedIT switching")
                .run(primary.dataSource(), List.of(onPrimary, onStandby), onPrimary);
    }
}
