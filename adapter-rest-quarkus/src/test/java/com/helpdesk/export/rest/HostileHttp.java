package com.helpdesk.export.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client for hostile tests that sends exactly the bytes and headers it is given (no charset appended, no
 * Content-Type added), and the contract's checks of an error answer.
 */
final class HostileHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private HostileHttp() {}

    /** An answer: status, headers (names in lower case), body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }
    }

    /**
     * Sends one request.
     *
     * @param contentType null for no Content-Type header at all
     * @param body        null for no body
     */
    static Answer send(URL base, String method, String path, String key, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            return new Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer post(URL base, String key, String team, byte[] body) {
        return send(base, "POST", Api.exportPath(team), key, "application/json", body);
    }

    static Answer post(URL base, String key, String team, String body) {
        return post(base, key, team, body.getBytes(StandardCharsets.UTF_8));
    }

    static String typeOf(int status) {
        return switch (status) {
            case 400, 404, 405, 410, 413, 415 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "authorization_error";
            case 429 -> "rate_limit_error";
            default -> "api_error";
        };
    }

    /**
     * The error envelope: status, type, code, {@code param} exactly (absent when null), a message,
     * the doc URL, a request id equal to the header's, a timestamp, and nothing that looks like an implementation
     * detail leaking.
     */
    static JsonNode assertError(Answer answer, int status, String code, String param) {
        assertThat(answer.status()).as("status of %s", answer.text()).isEqualTo(status);
        assertThat(answer.header("content-type")).as("content type").startsWith("application/json");
        JsonNode root = answer.json();
        assertThat(JsonExportTest.fieldNames(root)).containsExactly("success", "error", "meta");
        assertThat(root.get("success").asBoolean(true)).isFalse();
        JsonNode error = root.get("error");
        assertThat(error.get("type").asText()).isEqualTo(typeOf(status));
        assertThat(error.get("code").asText()).as("code of %s", answer.text()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        if (param == null) {
            assertThat(error.has("param"))
                    .as("no param expected in %s", answer.text())
                    .isFalse();
        } else {
            assertThat(error.path("param").asText(null))
                    .as("param of %s", answer.text())
                    .isEqualTo(param);
        }
        assertThat(error.get("doc_url").asText()).endsWith("#" + code);
        String requestId = error.get("request_id").asText();
        assertThat(requestId).matches("req_[A-Za-z0-9]{24}");
        assertThat(answer.header("x-request-id")).isEqualTo(requestId);
        assertThat(root.get("meta").get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertNoLeak(answer.text());
        if (status == 503) {
            assertThat(answer.header("retry-after")).matches("[1-9]\\d*");
        }
        return root;
    }

    /** No stack trace, class name, SQL or parser internals in an answer. */
    static void assertNoLeak(String text) {
        assertThat(text)
                .doesNotContain(
                        "at com.",
                        "at org.",
                        "at io.",
                        "Exception",
                        "com.fasterxml",
                        "jackson",
                        "Jackson",
                        "Feature",
                        "`Json",
                        "`Stream",
                        "REDACTED",
                        "StreamRead",
                        "JsonRead",
                        "SELECT ",
                        "postgres",
                        "PSQL",
                        "sk_live_OWNR",
                        "sk_test_ADMN");
    }

    /** A raw HTTP exchange: writes the bytes, reads until the server closes or {@code timeout} passes. */
    static RawAnswer raw(URL base, byte[] request, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean reset = false;
            boolean closed = false;
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                // the server keeps the connection open: what came so far is the answer
            } catch (IOException e) {
                reset = true;
                closed = true;
            }
            return new RawAnswer(out.toByteArray(), reset, closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param reset  the connection was reset (an RST, or an error while reading)
     * @param closed the server closed the connection (FIN or RST) rather than leaving it open
     */
    record RawAnswer(byte[] bytes, boolean reset, boolean closed) {
        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        int status() {
            String text = text();
            if (!text.startsWith("HTTP/")) {
                return -1;
            }
            return Integer.parseInt(text.substring(9, 12));
        }

        String head() {
            String text = text();
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        String header(String name) {
            for (String line : head().split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** The body of a Content-Length answer. */
        String body() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }
}
