package com.helpdesk.export.rest.it;

import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.read.ExportReadRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One instance of the packaged service ({@code quarkus-run.jar}) in a process of its own, on free ports. */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final int port;
    final int managementPort;
    final Path log;
    private final Process process;
    private final List<Socket> stalled = new ArrayList<>();

    private ServiceProcess(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts the service in {@code workingDirectory} with these system properties (on top of free ports and a spool
     * folder of its own); returns at once.
     */
    static ServiceProcess start(Path workingDirectory, String name, Map<String, String> properties) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-Dexport.spool.directory="
                + workingDirectory.resolve("spool-" + name).toAbsolutePath());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        Files.createDirectories(workingDirectory);
        Path log = workingDirectory.resolve(name + ".log");
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServiceProcess(process, port, managementPort, log);
    }

    /** Waits until readiness is UP; fails with the service's log when it does not come up. */
    ServiceProcess awaitReady(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + logText());
            }
            try {
                if (get(managementPort, "/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not get ready within " + within + ":\n" + logText());
    }

    /** Waits for the process to end by itself; its exit status, or -1 if it did not end in time. */
    int awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    HttpResponse<String> export(String key, String team, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/teams/" + team + "/export"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends an export on a raw socket with a tiny receive buffer and reads only its status line and headers: a client
     * that stopped reading. Returns the status line; the socket stays open until {@link #close()}.
     */
    String stall(String key, String team, String body) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(60_000);
        stalled.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/teams/" + team + "/export HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        return line.toString().trim();
    }

    /** kill -9: no shutdown hook, no release of anything it holds. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        for (Socket socket : stalled) {
            socket.close();
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * The settings of a service on {@code database} as an operator would configure it: the datasource, and the role
     * export snapshots read as, made once as the README's "Database roles" says.
     */
    static Map<String, String> configuredOn(EmbeddedDatabase database) {
        ExportReadRole.provideLogin(database.dataSource(), READER, READER_PASSWORD);
        return Map.of(
                "quarkus.datasource.jdbc.url",
                database.jdbcUrl(),
                "quarkus.datasource.username",
                database.username(),
                "quarkus.datasource.password",
                database.password(),
                "export.read-datasource.username",
                READER,
                "export.read-datasource.password",
                READER_PASSWORD);
    }

    static final String READER = "reader";
    static final String READER_PASSWORD = "reader-secret";

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
