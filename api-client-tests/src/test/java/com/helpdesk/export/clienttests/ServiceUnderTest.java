package com.helpdesk.export.clienttests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code quarkus-run.jar}, system property {@code service.jar}) started as the README's run
 * command starts it: no database configured, so the embedded one with the demo data, in a folder of its own, on
 * free ports.
 */
final class ServiceUnderTest implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceUnderTest(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceUnderTest start(Path folder) throws Exception {
        Path jar = Path.of(System.getProperty("service.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged service at " + jar + ": build adapter-rest-quarkus first");
        }
        int port = freePort();
        int management = freePort();
        Path log = folder.resolve("service.log");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-Dquarkus.http.port=" + port,
                        "-Dquarkus.management.port=" + management,
                        "-Dexport.spool.directory=" + folder.resolve("spool").toAbsolutePath(),
                        "-jar",
                        jar.toAbsolutePath().toString()))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServiceUnderTest service = new ServiceUnderTest(process, port, log);
        service.awaitReady(management, Duration.ofMinutes(4));
        return service;
    }

    int port() {
        return port;
    }

    private void awaitReady(int management, Duration within) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "the service exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new AssertionError("the service was not ready within " + within + ":\n" + Files.readString(log));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
