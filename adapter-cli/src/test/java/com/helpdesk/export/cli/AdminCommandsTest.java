package com.helpdesk.export.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.application.port.in.KeyAdministrationUseCase;
import com.helpdesk.export.application.service.KeyAdministrationService;
import com.helpdesk.export.application.testing.InMemoryKeyStore;
import com.helpdesk.export.domain.error.AdministrationException;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyHash;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.testsupport.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line over the real {@link KeyAdministrationService} and an in-memory port: arguments, texts and exit
 * statuses. The same commands on PostgreSQL are run by the launcher's test in the REST module.
 */
class AdminCommandsTest {

    private static final Instant START = Instant.parse("2026-11-27T14:30:00Z");
    private static final Pattern KEY = Pattern.compile("(sk|pk)_(live|test)_[A-Za-z0-9]{16,128}");
    private static final String SOME_UUID = "1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10";

    private final InMemoryKeyStore store = new InMemoryKeyStore();
    private final MutableClock clock = new MutableClock(START);
    private final KeyAdministrationService service = new KeyAdministrationService(store, clock);
    private final AtomicInteger opened = new AtomicInteger();

    private record Run(int status, String out, String err) {}

    private Run run(String... args) {
        return run(
                () -> {
                    opened.incrementAndGet();
                    return service;
                },
                args);
    }

    private static Run run(Supplier<KeyAdministrationUseCase> source, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AdminCommands.run(
                args,
                source,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String captured(Run run, String label) {
        Matcher matcher = Pattern.compile("(?m)^  " + label + ":\\s+(\\S+)$").matcher(run.out());
        assertThat(matcher.find()).as(label + " in\n" + run.out()).isTrue();
        return matcher.group(1);
    }

    private String createTeam(String name) {
        Run run = run("create-team", "--name", name);
        assertThat(run.status()).as(run.err()).isZero();
        return captured(run, "team id");
    }

    private String addMember(String team, String name, String role) {
        Run run = run("add-member", "--team", team, "--name", name, "--role", role);
        assertThat(run.status()).as(run.err()).isZero();
        return captured(run, "member id");
    }

    private static String theOnlyKeyIn(String text) {
        List<String> keys = KEY.matcher(text)
                .results()
                .map(java.util.regex.MatchResult::group)
                .toList();
        assertThat(keys).as("keys printed").hasSize(1);
        return keys.get(0);
    }

    // ---- help

    @Test
    void helpPrintsTheUsageAndNeedsNoDatabase() {
        for (String word : new String[] {"help", "--help", "-h"}) {
            Run run = run(word);
            assertThat(run.status()).isZero();
            assertThat(run.out()).isEqualTo(AdminCommands.USAGE);
            assertThat(run.err()).isEmpty();
        }
        assertThat(AdminCommands.USAGE)
                .contains("java -jar quarkus-run.jar admin <command> [options]")
                .contains("create-team --name NAME")
                .contains("add-member --team TEAM_ID --name NAME [--email EMAIL] --role ROLE")
                .contains("create-key --team TEAM_ID --member MEMBER_ID --kind secret|publishable --mode live|test "
                        + "[--expires INSTANT]")
                .contains("list-keys --team TEAM_ID")
                .contains("revoke-key --team TEAM_ID --key KEY_ID")
                .contains("help [COMMAND]")
                .contains("Exit status: 0 done; 1 failed (no such team, member of another team, database\n"
                        + "unreachable); 2 wrong command line or value.");

        Run one = run("help", "create-key");
        assertThat(one.status()).isZero();
        assertThat(one.out()).startsWith("usage: java -jar quarkus-run.jar admin create-key --team TEAM_ID");
        Run inline = run("revoke-key", "--help");
        assertThat(inline.status()).isZero();
        assertThat(inline.out())
                .startsWith("usage: java -jar quarkus-run.jar admin revoke-key --team TEAM_ID --key KEY_ID");
        assertThat(opened).hasValue(0);
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: no command given.").contains(AdminCommands.USAGE);
        assertThat(opened).hasValue(0);
    }

    // ---- the whole life of a key

    @Test
    void aTeamAMemberAKeyItsListingAndItsRevocation() {
        Run team = run("create-team", "--name", "  Acme Support ");
        assertThat(team.status()).isZero();
        assertThat(team.err()).isEmpty();
        assertThat(team.out()).matches("Team created: Acme Support\n  team id:   [0-9a-f-]{36}\n");
        String teamId = captured(team, "team id");

        Run member = run(
                "add-member",
                "--team",
                teamId,
                "--name",
                "Olivia Owner",
                "--email",
                " olivia@acme.example",
                "--role",
                "Owner");
        assertThat(member.status()).isZero();
        assertThat(member.out())
                .startsWith("Member added to team " + teamId
                        + ": Olivia Owner <olivia@acme.example>, owner\n  member id: ");
        String memberId = captured(member, "member id");

        Run created = run("create-key", "--team", teamId, "--member", memberId, "--kind", "secret", "--mode", "live");
        assertThat(created.status()).isZero();
        assertThat(created.err()).isEmpty();
        String key = theOnlyKeyIn(created.out());
        String keyId = captured(created, "key id");
        assertThat(key).startsWith("sk_live_").hasSize(8 + 32);
        assertThat(created.out())
                .startsWith("Key created for member " + memberId + " (owner) of team " + teamId
                        + ": secret, live, does not expire\n")
                .contains("  prefix:    " + key.substring(0, 12) + "\n")
                .contains("\n  " + key + "\n")
                .contains("Copy the key now: it is shown only this once. Only its hash is stored; it cannot be shown "
                        + "again.")
                .doesNotContain("Note:");
        assertThat(store.hashOf(UUID.fromString(keyId))).isEqualTo(KeyHash.of(ApiKey.parse(key)));

        Run listed = run("list-keys", "--team", teamId);
        assertThat(listed.status()).isZero();
        assertThat(listed.out())
                .contains("Team " + teamId + ": 1 key (display prefixes only")
                .contains(keyId + "  " + key.substring(0, 12) + "  secret       live  active   owner      "
                        + "2026-11-27T14:30:00Z  never                 -                     " + memberId
                        + " Olivia Owner");
        assertThat(KEY.matcher(listed.out()).find())
                .as("a whole key in the list")
                .isFalse();

        clock.advance(Duration.ofMinutes(10));
        Run revoked = run("revoke-key", "--team", teamId, "--key", keyId);
        assertThat(revoked.status()).isZero();
        assertThat(revoked.out())
                .isEqualTo("Key " + keyId + " (" + key.substring(0, 12)
                        + ") revoked at 2026-11-27T14:40:00Z: it is refused from now on.\n");

        clock.advance(Duration.ofMinutes(10));
        Run again = run("revoke-key", "--team", teamId, "--key=" + keyId);
        assertThat(again.status()).isZero();
        assertThat(again.out())
                .isEqualTo("Key " + keyId + " (" + key.substring(0, 12)
                        + ") was already revoked at 2026-11-27T14:40:00Z; nothing changed.\n");
        assertThat(run("list-keys", "--team", teamId).out())
                .contains("  revoked  owner ")
                .contains("2026-11-27T14:40:00Z");

        String everything = String.join(
                "\n",
                team.out(),
                member.out(),
                created.out(),
                listed.out(),
                revoked.out(),
                again.out(),
                team.err(),
                member.err(),
                created.err(),
                listed.err(),
                revoked.err(),
                again.err());
        byte[] hash = KeyHash.of(ApiKey.parse(key)).bytes();
        assertThat(everything)
                .doesNotContainIgnoringCase(HexFormat.of().formatHex(hash))
                .doesNotContain(Base64.getEncoder().encodeToString(hash))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
    }

    @Test
    void aKeyWithAnExpiryIsListedAsExpiredFromThen() {
        String team = createTeam("Acme");
        String member = addMember(team, "Mia", "manager");

        Run created = run(
                "create-key",
                "--team",
                team,
                "--member",
                member,
                "--kind",
                "secret",
                "--mode",
                "test",
                "--expires",
                "2026-11-27T15:30:00Z");

        assertThat(created.status()).as(created.err()).isZero();
        assertThat(created.out()).contains(": secret, test, expires 2026-11-27T15:30:00Z\n");
        clock.advance(Duration.ofMinutes(59));
        assertThat(run("list-keys", "--team", team).out()).contains("  test  active   manager  ");
        clock.set(Instant.parse("2026-11-27T15:30:00Z"));
        assertThat(run("list-keys", "--team", team).out())
                .contains("  test  expired  manager  ")
                .contains("2026-11-27T15:30:00Z");
    }

    @Test
    void anExpiryWithAnOffsetIsTakenAsItsInstant() {
        String team = createTeam("Acme");
        String member = addMember(team, "Mia", "manager");

        Run created = run(
                "create-key",
                "--team",
                team,
                "--member",
                member,
                "--kind",
                "secret",
                "--mode",
                "live",
                "--expires",
                "2027-01-01T02:00:00+02:00");

        assertThat(created.status()).as(created.err()).isZero();
        assertThat(created.out()).contains("expires 2027-01-01T00:00:00Z");
    }

    @Test
    void aPublishableKeyOrAKeyOfARoleThatMayNotExportComesWithANote() {
        String team = createTeam("Acme");
        String agent = addMember(team, "Ágúst", "agent");

        Run created = run("create-key", "--team", team, "--member", agent, "--kind", "publishable", "--mode", "live");

        assertThat(created.status()).isZero();
        assertThat(theOnlyKeyIn(created.out())).startsWith("pk_live_");
        assertThat(created.out())
                .contains("Note: a publishable key is refused by the export endpoint (secret key required).")
                .contains("Note: the role agent has no export_data permission: the export refuses this key.");
    }

    @Test
    void anEmptyTeamListsNoKeys() {
        String team = createTeam("Acme");

        Run listed = run("list-keys", "--team", team);

        assertThat(listed.status()).isZero();
        assertThat(listed.out()).isEqualTo("Team " + team + ": no keys.\n");
    }

    // ---- wrong command lines: exit 2, a message, and no database

    static Stream<Arguments> wrongCommandLines() {
        return Stream.of(
                Arguments.of(new String[] {"frobnicate"}, "error: unknown command 'frobnicate'."),
                Arguments.of(new String[] {"help", "frobnicate"}, "error: help takes at most one command name"),
                Arguments.of(new String[] {"create-team"}, "error: --name is missing."),
                Arguments.of(new String[] {"create-team", "--name"}, "error: --name needs a value."),
                Arguments.of(new String[] {"create-team", "--name", "--colour", "red"}, "error: --name needs a value."),
                Arguments.of(
                        new String[] {"create-team", "--name", "A", "--name", "B"},
                        "error: --name is given more than once."),
                Arguments.of(
                        new String[] {"create-team", "--name", "A", "--colour", "red"},
                        "error: unknown option '--colour' for create-team."),
                Arguments.of(new String[] {"create-team", "Acme"}, "error: unexpected argument 'Acme'"),
                Arguments.of(
                        new String[] {"create-team", "--name", "   "},
                        "error: The team name must not be empty.\nusage: "),
                Arguments.of(
                        new String[] {"add-member", "--team", SOME_UUID, "--name", "x\ty", "--role", "agent"},
                        "error: The member name must not hold control characters"),
                Arguments.of(
                        new String[] {
                            "add-member", "--team", SOME_UUID, "--name", "X", "--email", "nobody", "--role", "agent"
                        },
                        "error: The email must look like name@example.com"),
                Arguments.of(
                        new String[] {"add-member", "--team", "42", "--name", "x", "--role", "owner"},
                        "error: --team must be a UUID, e.g. 1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10; got '42'."),
                Arguments.of(
                        new String[] {"add-member", "--team", SOME_UUID, "--name", "x", "--role", "boss"},
                        "error: --role must be one of owner, admin, manager, librarian, agent, spectator; got 'boss'."),
                Arguments.of(
                        new String[] {"add-member", "--team", SOME_UUID, "--name", "x"}, "error: --role is missing."),
                Arguments.of(new String[] {"add-member", "--name", "x"}, "error: --team, --role are missing."),
                Arguments.of(
                        new String[] {
                            "create-key",
                            "--team",
                            SOME_UUID,
                            "--member",
                            SOME_UUID,
                            "--kind",
                            "private",
                            "--mode",
                            "live"
                        },
                        "error: --kind must be secret or publishable; got 'private'."),
                Arguments.of(
                        new String[] {
                            "create-key",
                            "--team",
                            SOME_UUID,
                            "--member",
                            SOME_UUID,
                            "--kind",
                            "secret",
                            "--mode",
                            "prod"
                        },
                        "error: --mode must be live or test; got 'prod'."),
                Arguments.of(
                        new String[] {
                            "create-key",
                            "--team",
                            SOME_UUID,
                            "--member",
                            SOME_UUID,
                            "--kind",
                            "secret",
                            "--mode",
                            "live",
                            "--expires",
                            "tomorrow"
                        },
                        "error: --expires must be an ISO-8601 instant with an offset, e.g. 2027-01-01T00:00:00Z; "
                                + "got 'tomorrow'."),
                Arguments.of(
                        new String[] {
                            "create-key",
                            "--team",
                            SOME_UUID,
                            "--member",
                            SOME_UUID,
                            "--kind",
                            "secret",
                            "--mode",
                            "live",
                            "--expires",
                            "2027-01-01"
                        },
                        "error: --expires must be an ISO-8601 instant"),
                Arguments.of(new String[] {"list-keys"}, "error: --team is missing."),
                Arguments.of(
                        new String[] {
                            "revoke-key", "--team", SOME_UUID, "--key", "sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1"
                        },
                        "error: --key takes an id (a UUID, as list-keys shows it), not the key itself."));
    }

    @ParameterizedTest
    @MethodSource("wrongCommandLines")
    void aWrongCommandLineIsAUsageErrorThatNeedsNoDatabase(String[] args, String message) {
        Run run = run(args);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(message).doesNotContain("OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1");
        assertThat(opened).hasValue(0);
    }

    @Test
    void aUsageErrorShowsTheCommandsUsage() {
        Run run = run("create-key", "--team", SOME_UUID);

        assertThat(run.err())
                .isEqualTo("error: --member, --kind, --mode are missing.\n"
                        + "usage: java -jar quarkus-run.jar admin create-key --team TEAM_ID --member MEMBER_ID "
                        + "--kind secret|publishable --mode live|test [--expires INSTANT]\n");
    }

    @Test
    void anExpiryNotInTheFutureIsAUsageErrorAndNothingIsStored() {
        String team = createTeam("Acme");
        String member = addMember(team, "Mia", "manager");

        Run past = run(
                "create-key",
                "--team",
                team,
                "--member",
                member,
                "--kind",
                "secret",
                "--mode",
                "live",
                "--expires",
                "2026-11-27T14:29:59Z");

        assertThat(past.status()).isEqualTo(2);
        assertThat(past.err())
                .startsWith("error: The expiry must be in the future (it is 2026-11-27T14:29:59Z, now "
                        + "is 2026-11-27T14:30:00Z).\nusage: java -jar quarkus-run.jar admin create-key");
        assertThat(past.out()).isEmpty();
        assertThat(store.keys).isEmpty();
    }

    // ---- commands that cannot be carried out: exit 1

    @Test
    void aMemberOfAnotherTeamGetsNoKey() {
        String team = createTeam("Acme");
        String other = createTeam("Globex");
        String stranger = addMember(other, "Gloria", "owner");

        Run run = run("create-key", "--team", team, "--member", stranger, "--kind", "secret", "--mode", "live");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("error: Member " + stranger + " belongs to another team, not to team " + team + ".\n");
        assertThat(store.keys).isEmpty();
    }

    @Test
    void unknownTeamsMembersAndKeysAreFailures() {
        String team = createTeam("Acme");
        String unknown = UUID.randomUUID().toString();

        Run member = run("add-member", "--team", unknown, "--name", "x", "--role", "owner");
        assertThat(member.status()).isEqualTo(1);
        assertThat(member.err()).isEqualTo("error: No team " + unknown + ".\n");

        Run key = run("create-key", "--team", team, "--member", unknown, "--kind", "secret", "--mode", "live");
        assertThat(key.status()).isEqualTo(1);
        assertThat(key.err()).isEqualTo("error: No member " + unknown + " in team " + team + ".\n");

        Run list = run("list-keys", "--team", unknown);
        assertThat(list.status()).isEqualTo(1);
        assertThat(list.err()).isEqualTo("error: No team " + unknown + ".\n");

        Run revoke = run("revoke-key", "--team", team, "--key", unknown);
        assertThat(revoke.status()).isEqualTo(1);
        assertThat(revoke.err()).isEqualTo("error: No key " + unknown + " in team " + team + ".\n");
    }

    @Test
    void aDatabaseThatCannotBeOpenedOrReachedIsAFailure() {
        Run unopened = run(
                () -> {
                    throw new IllegalStateException("The embedded database on /nowhere did not start.");
                },
                "create-team",
                "--name",
                "Acme");
        assertThat(unopened.status()).isEqualTo(1);
        assertThat(unopened.err())
                .isEqualTo("error: cannot open the database: The embedded database on /nowhere did not start.\n");

        KeyAdministrationUseCase unreachable = failing(new AdministrationException(
                AdministrationException.Reason.UNAVAILABLE, "The database cannot be reached: Connection refused."));
        Run unreached = run(() -> unreachable, "list-keys", "--team", SOME_UUID);
        assertThat(unreached.status()).isEqualTo(1);
        assertThat(unreached.err()).isEqualTo("error: The database cannot be reached: Connection refused.\n");

        KeyAdministrationUseCase broken = failing(new IllegalStateException("boom", new RuntimeException("cause")));
        Run failed = run(() -> broken, "list-keys", "--team", SOME_UUID);
        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("error: list-keys failed: boom (cause)\n");
    }

    @Test
    void thePublicEntryPointTakesAUseCase() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AdminCommands.run(
                new String[] {"create-team", "--name", "Acme"},
                service,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Team created: Acme\n");
        assertThat(store.teams).hasSize(1).containsValue(new com.helpdesk.export.domain.model.TeamName("Acme"));
        assertThat(store.teams.keySet()).allSatisfy(id -> assertThat(id).isInstanceOf(TeamId.class));
    }

    /** A use case whose every call throws {@code failure}. */
    private static KeyAdministrationUseCase failing(RuntimeException failure) {
        return (KeyAdministrationUseCase) Proxy.newProxyInstance(
                AdminCommandsTest.class.getClassLoader(),
                new Class<?>[] {KeyAdministrationUseCase.class},
                (proxy, method, args) -> {
                    throw failure;
                });
    }
}
