package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.error;
import static com.helpdesk.export.rest.Api.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.persistence.jdbc.read.ExportReadRole;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What stands behind the page statements' values: the service's export snapshots read as a role that can read the
 * exported tables and nothing else, and a search no index can serve has a small budget of its own, past which the
 * caller is told the term is too broad (a 400 naming the filter), never a 503 after holding a connection for the
 * whole statement timeout.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(LeastPrivilegeTest.TinySearchBudget.class)
class LeastPrivilegeTest {

    /** A search budget no read of the demo team's 25,000 tickets fits in. */
    public static class TinySearchBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("export.search-budget", "1ms");
        }
    }

    private static final String KEY = DemoDataset.LIVE_SECRET_KEY;

    @Inject
    @DataSource("exports")
    AgroalDataSource exports;

    @Test
    void exportSnapshotsReadAsARoleThatMayReadTheExportedTablesAndNothingElse() throws SQLException {
        assertThat(ExportReadRole.problems(exports)).isEmpty();
        try (Connection connection = exports.getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT key_hash FROM api_keys"))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void aSearchNoIndexServesIsTooBroadPastItsBudgetAndAnIndexedOneIsServed() {
        for (String term : new String[] {"@@@", "a.b.c", "#!"}) {
            error(
                            post(
                                    KEY,
                                    DEMO_TEAM,
                                    "{\"resources\":[{\"type\":\"customers\",\"fields\":[\"id\"]},"
                                            + "{\"type\":\"tickets\",\"fields\":[\"id\"],\"filters\":{\"search\":\""
                                            + term + "\"}}]}"),
                            400,
                            "invalid_request_error",
                            "parameter_invalid")
                    .body("error.param", equalTo("resources[1].filters.search"))
                    .body("error.message", containsString("too broad for a team this size"));
        }
        post(
                        KEY,
                        DEMO_TEAM,
                        "{\"resources\":[{\"type\":\"tickets\",\"fields\":[\"id\"],"
                                + "\"filters\":{\"search\":\"refund\"}}]}")
                .statusCode(200);
    }
}
