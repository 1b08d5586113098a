package com.helpdesk.export.rest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.helpdesk.export.demo.DemoDataset;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded demo, whose keys are public, as a first start makes it from the build's prepared folder: its API
 * answers this machine only unless {@code quarkus.http.host} is set; its cluster gets a password of its own, not
 * the one every copy of the build's folder holds; and its export snapshots read as the least-privileged role.
 */
class EmbeddedDemoIT {

    private static final String TEAM = DemoDataset.DEMO_TEAM_ID.toString();
    private static final String SMALL = "{\"resources\":[{\"type\":\"articles\",\"fields\":[\"id\"]}]}";
    private static final Path PREPARED =
            ServiceProcess.JAR.toAbsolutePath().getParent().resolveSibling("demo-database");

    @TempDir
    Path work;

    @Test
    void aFirstStartListensOnLoopbackHasItsOwnPasswordAndReadsAsTheExportRole() throws Exception {
        int pgPort = ServiceProcess.freePort();
        Path data = work.resolve("pg");
        try (ServiceProcess service = ServiceProcess.start(
                        work,
                        "demo",
                        Map.of("export.embedded.data-dir", data.toString(), "export.embedded.port", "" + pgPort))
                .awaitReady(Duration.ofSeconds(120))) {
            assertThat(service.logText()).contains("The embedded demo listens on 127.0.0.1 only");
            assertThat(service.export(DemoDataset.LIVE_SECRET_KEY, TEAM, SMALL).statusCode())
                    .isEqualTo(200);
            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                assertThatThrownBy(() -> connect(outside.get(), service.port))
                        .as("the API on " + outside.get())
                        .isInstanceOf(IOException.class);
            }

            String password =
                    Files.readString(data.resolve("helpdesk-export.password")).strip();
            if (Files.exists(PREPARED.resolve("helpdesk-export.password"))) {
                String prepared = Files.readString(PREPARED.resolve("helpdesk-export.password"))
                        .strip();
                assertThat(password).as("a password of its own").isNotEqualTo(prepared);
                assertThatThrownBy(() -> connect(pgPort, prepared).close())
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            }
            try (Connection superuser = connect(pgPort, password);
                    Statement statement = superuser.createStatement();
                    ResultSet users = statement.executeQuery("SELECT DISTINCT usename FROM pg_stat_activity "
                            + "WHERE application_name = 'helpdesk-export-read'")) {
                List<String> names = new ArrayList<>();
                while (users.next()) {
                    names.add(users.getString(1));
                }
                assertThat(names).as("the export pool's sessions").containsExactly("helpdesk_export_reader");
            }
        }
    }

    @Test
    void anExplicitHostOpensIt() throws Exception {
        Optional<InetAddress> outside = nonLoopbackAddress();
        assumeThat(outside).as("a non-loopback address on this machine").isPresent();
        try (ServiceProcess service = ServiceProcess.start(
                        work,
                        "open",
                        Map.of(
                                "export.embedded.data-dir",
                                work.resolve("pg").toString(),
                                "export.embedded.port",
                                "" + ServiceProcess.freePort(),
                                "quarkus.http.host",
                                "0.0.0.0"))
                .awaitReady(Duration.ofSeconds(120))) {
            assertThat(service.logText()).doesNotContain("listens on 127.0.0.1 only");
            connect(outside.get(), service.port);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3_000);
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password);
    }
}
