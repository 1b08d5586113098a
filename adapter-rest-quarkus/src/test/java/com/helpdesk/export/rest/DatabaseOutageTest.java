package com.helpdesk.export.rest;

import com.helpdesk.export.dev.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.error;
import static com.helpdesk.export.rest.Api.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** §7: while the database cannot be reached the answer is 503 with Retry-After; afterwards the service recovers. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DatabaseOutageTest {

    private static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";

    @Test
    void databaseDownIsServiceUnavailableAndTheServiceRecoversWithoutRestart() throws Exception {
        post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, SMALL).statusCode(200);
        EmbeddedPostgresResource.stopDatabase();
        try {
            error(post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, SMALL), 503, "api_error", "service_unavailable")
                    .header("Retry-After", equalTo("5"));
        } finally {
            EmbeddedPostgresResource.startDatabase();
        }
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
            status = post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, SMALL).extract().statusCode();
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertThat(status).isEqualTo(200);
    }
}
