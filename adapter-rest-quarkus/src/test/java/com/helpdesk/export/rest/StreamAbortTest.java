package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.exportPath;
import static com.helpdesk.export.rest.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.demo.DemoDataset;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A failure after the first byte must not look like a complete export: the spool file of an export being sent is cut
 * short while the client holds the stream (as a failing disk would); the chunked body then never gets its final
 * chunk. (The database is no longer involved once sending starts: every row was read before.)
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class StreamAbortTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void failureMidStreamAbortsTheConnection() throws Exception {
        String body = "{\"resources\":[{\"type\":\"tickets\"}]}";
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
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
            assertThat(SpoolFiles.truncateTheOneBeingSent(Duration.ofSeconds(10)))
                    .as("the spool file of this export")
                    .isEqualTo(1);

            RawResponse.Ending ending = RawResponse.drain(in);
            assertThat(ending.terminated())
                    .as("the body must not end with the final chunk")
                    .isFalse();
            assertThat(ending.bytes()).isLessThan(4_000_000);
        }
        assertThat(SpoolFiles.awaitNone(Duration.ofSeconds(10)))
                .as("the failed export's spool is removed")
                .isEmpty();
        // the service recovers: the next export works
        post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}")
                .statusCode(200);
    }
}
