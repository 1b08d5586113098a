package com.helpdesk.export.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.access.JdbcKeyVerifier;
import com.helpdesk.export.rest.TestSql;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The {@code admin} subcommand as the distribution runs it: command line, use case and JDBC adapter wired by {@link
 * AdminLauncher} on a real (configured) PostgreSQL, migrated on first use. What a key created here is, the export's
 * key verifier agrees with.
 */
class AdminLauncherTest {

    private static final Instant NOW = Instant.parse("2026-11-27T14:30:00Z");
    private static EmbeddedDatabase server;

    @BeforeAll
    static void start() throws SQLException {
        server = EmbeddedDatabase.startTemporary();
        try (Connection connection = server.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE admin_launcher");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Run(int status, String out, String err) {}

    private static Run runOn(String url, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        AdminDatabase database = AdminDatabase.configured(url, server.username(), server.password(), errStream);
        int status = AdminLauncher.run(
                args,
                database,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                errStream);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return runOn("jdbc:postgresql://localhost:" + server.port() + "/admin_launcher", args);
    }

    private static String captured(Run run, String label) {
        Matcher matcher = Pattern.compile("(?m)^  " + label + ":\\s+(\\S+)$").matcher(run.out());
        assertThat(matcher.find()).as(label + " in\n" + run.out() + run.err()).isTrue();
        return matcher.group(1);
    }

    @Test
    void aKeyMadeByTheCommandsIsTheKeyTheExportVerifiesAndOnlyItsHashIsStored() throws SQLException {
        String team = captured(run("create-team", "--name", "Acme"), "team id");
        String member = captured(run("add-member", "--team", team, "--name", "Olivia", "--role", "owner"), "member id");
        Run created = run("create-key", "--team", team, "--member", member, "--kind", "secret", "--mode", "live");
        assertThat(created.status()).as(created.err()).isZero();
        assertThat(created.err()).startsWith("Database: jdbc:postgresql://localhost:");
        Matcher key = Pattern.compile("(?m)^  (sk_live_[A-Za-z0-9]{32})$").matcher(created.out());
        assertThat(key.find()).isTrue();
        ApiKey apiKey = ApiKey.parse(key.group(1));
        String keyId = captured(created, "key id");

        DataSource dataSource = dataSource();
        JdbcKeyVerifier verifier = new JdbcKeyVerifier(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(verifier.verify(apiKey))
                .isEqualTo(new KeyVerification.Verified(
                        UUID.fromString(keyId),
                        new TeamId(UUID.fromString(team)),
                        UUID.fromString(member),
                        Role.OWNER,
                        KeyKind.SECRET,
                        Mode.LIVE,
                        apiKey.displayPrefix()));
        assertThat(TestSql.count(
                        dataSource,
                        "SELECT count(*) FROM api_keys k WHERE strpos(k::text, ?) > 0",
                        apiKey.reveal().substring(12)))
                .isZero();

        Run listed = run("list-keys", "--team", team);
        assertThat(listed.status()).isZero();
        assertThat(listed.out())
                .contains(keyId + "  " + apiKey.displayPrefix() + "  secret       live  active   owner");
        Run revoked = run("revoke-key", "--team", team, "--key", keyId);
        assertThat(revoked.out())
                .isEqualTo("Key " + keyId + " (" + apiKey.displayPrefix()
                        + ") revoked at 2026-11-27T14:30:00Z: it is refused from now on.\n");
        assertThat(verifier.verify(apiKey)).isEqualTo(new KeyVerification.Rejected(KeyVerification.Reason.REVOKED));
    }

    @Test
    void exitStatusesStayAsDocumented() throws IOException {
        assertThat(run("help").status()).isZero();
        Run wrong = run("create-team");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err()).as("a wrong command line opens no database").doesNotContain("Database:");
        Run unknownTeam = run("list-keys", "--team", UUID.randomUUID().toString());
        assertThat(unknownTeam.status()).isEqualTo(1);
        assertThat(unknownTeam.err()).contains("error: No team ");

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Run unreachable = runOn(
                "jdbc:postgresql://localhost:" + port + "/nowhere?connectTimeout=2",
                "list-keys",
                "--team",
                UUID.randomUUID().toString());
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.err()).contains("error: cannot open the database: ");
    }

    private static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {server.port()});
        dataSource.setDatabaseName("admin_launcher");
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        return dataSource;
    }
}
