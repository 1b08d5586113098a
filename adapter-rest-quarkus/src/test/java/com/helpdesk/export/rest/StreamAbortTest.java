package com.helpdesk.export.rest;

import com.helpdesk.export.persistence.jdbc.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.exportPath;
import static com.helpdesk.export.rest.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure after the first byte must not look like a complete export: the database session serving a running
 * export is killed while the client holds the stream; the chunked body then never gets its final chunk.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class StreamAbortTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Test
    void failureMidStreamAbortsTheConnection() throws Exception {
        String body = "{\"resources\":[{\"type\":\"tickets\"}]}";
        Timestamp sent = ExportSessions.databaseNow(dataSource);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + exportPath(DEMO_TEAM) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + DemoDataset.LIVE_SECRET_KEY + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = RawResponse.readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
            in.readNBytes(8192);

            assertThat(ExportSessions.terminateExportStartedSince(dataSource, "tickets", sent, Duration.ofSeconds(10)))
                    .as("the database session serving this export").isEqualTo(1);

            RawResponse.Ending ending = RawResponse.drain(in);
            assertThat(ending.terminated()).as("the body must not end with the final chunk").isFalse();
            assertThat(ending.bytes()).isLessThan(20_000_000);
        }
        // the service recovers: the next export works
        post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}")
                .statusCode(200);
    }
}
