package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The change feed's promises under concurrent writers on one PostgreSQL ({@link ChangeFeedWorkload}): copies followed
 * from the beginning and from an export's sync cursor equal the source, every version seen once, in order.
 */
class ChangeFeedExactnessTest {

    @Test
    void copiesFollowedFromTheStartAndFromAnExportEqualTheSourceAndSawEachVersionOnceInOrder() throws Exception {
        DataSource database = TestPostgres.migratedDatabase();
        try (JdbcResourceReader reader =
                new JdbcResourceReader(TestPostgres.asExportReader(database), ReaderSettings.defaults())) {
            new ChangeFeedWorkload("ChangeFeedExactnessTest").run(database, List.of(reader), reader);
        }
    }
}
