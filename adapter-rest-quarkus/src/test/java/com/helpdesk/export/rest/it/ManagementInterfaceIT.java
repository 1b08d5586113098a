package com.helpdesk.export.rest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.helpdesk.export.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management interface (health, metrics) of the packaged service listens on the loopback address unless
 * {@code quarkus.management.host} opens it: another address of the machine reaches the API port but not the
 * management port; with the host set to {@code 0.0.0.0} it reaches both. Health settings that cannot work stop the
 * start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementInterfaceIT {

    @TempDir
    static Path work;

    private EmbeddedDatabase database;
    private ServiceProcess byDefault;
    private ServiceProcess opened;

    @BeforeAll
    void start() throws Exception {
        database = EmbeddedDatabase.startTemporary();
        Map<String, String> datasource = ServiceProcess.configuredOn(database);
        byDefault = ServiceProcess.start(work, "default", datasource).awaitReady(Duration.ofMinutes(2));
        Map<String, String> open = new HashMap<>(datasource);
        open.put("quarkus.management.host", "0.0.0.0");
        opened = ServiceProcess.start(work, "opened", open).awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {byDefault, opened, database}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /** The machine's IPv4 addresses other than loopback (those the API's 0.0.0.0 listens on as well). */
    private static List<InetAddress> otherAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void byDefaultTheManagementInterfaceListensOnLoopbackOnly() throws Exception {
        assertThat(ServiceProcess.get(byDefault.managementPort, "/q/health/live")
                        .statusCode())
                .as("health on 127.0.0.1")
                .isEqualTo(200);
        List<InetAddress> others = otherAddresses();
        System.out.printf("ManagementInterfaceIT: other addresses of this machine: %s%n", others);
        for (InetAddress address : others) {
            assertThat(accepts(address, byDefault.port))
                    .as("the API port on %s (the address is reachable from here)", address)
                    .isTrue();
            assertThat(accepts(address, byDefault.managementPort))
                    .as("the management port on %s", address)
                    .isFalse();
        }
        assertThat(byDefault.logText())
                .as("the address the service says its management interface listens on")
                .contains("Management interface listening on http://127.0.0.1:" + byDefault.managementPort);
    }

    @Test
    void healthSettingsThatCannotWorkStopTheStart() throws Exception {
        Map<String, String> datasource = ServiceProcess.configuredOn(database);
        Map<String, String> noConnectionForHealth = new HashMap<>(datasource);
        noConnectionForHealth.put("quarkus.datasource.exports.jdbc.max-size", "1");
        Map<String, String> negativeCache = new HashMap<>(datasource);
        negativeCache.put("export.health.cache", "-1S");
        for (Map<String, String> wrong : List.of(noConnectionForHealth, negativeCache)) {
            String name = wrong == negativeCache ? "negative-cache" : "pool-of-one";
            try (ServiceProcess service = ServiceProcess.start(work, name, wrong)) {
                int status = service.awaitExit(Duration.ofMinutes(1));
                assertThat(status)
                        .as("exit status of %s (-1: still running)%n%s", name, service.logText())
                        .isNotIn(-1, 0);
                assertThat(service.logText())
                        .as(name)
                        .contains(
                                wrong == negativeCache
                                        ? "must not be negative"
                                        : "quarkus.datasource.exports.jdbc.max-size is 1");
            }
        }
    }

    @Test
    void theManagementHostSettingOpensItToOtherAddresses() throws Exception {
        List<InetAddress> others = otherAddresses();
        assumeThat(others).as("an address of this machine other than loopback").isNotEmpty();
        for (InetAddress address : others) {
            assertThat(accepts(address, opened.managementPort))
                    .as("the management port on %s with quarkus.management.host=0.0.0.0", address)
                    .isTrue();
        }
    }
}
