package com.helpdesk.export.demo;

import com.helpdesk.export.domain.model.ApiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The demo dataset, what it holds: the same rows, ids and timestamps on every load (ids are {@code md5(seed:type:n)}
 * UUIDs, times count from fixed base instants, never from now()); {@link DemoLoader} puts it into a database.
 *
 * <ul>
 *   <li>Team {@link #DEMO_TEAM_ID} "Acme Support (demo)": {@value #DEMO_LIVE_TICKETS} live and
 *   {@value #DEMO_TEST_TICKETS} test tickets, {@value #DEMO_LIVE_CUSTOMERS} live and {@value #DEMO_TEST_CUSTOMERS}
 *   test customers, {@value #DEMO_LIVE_ARTICLES} live and {@value #DEMO_TEST_ARTICLES} test articles; members of
 *   every role.</li>
 *   <li>Team {@link #OTHER_TEAM_ID} "Globex Helpdesk (other demo team)": a smaller live and test set of each.</li>
 * </ul>
 *
 * Texts hold commas, double quotes, CR, LF and CR/LF, tabs, non-ASCII (é, ü, 日本語, emoji), LIKE wildcards
 * ({@code %}, {@code _}, {@code \}) and values starting with {@code =}, {@code +}, {@code -}, {@code @} or a tab;
 * optional fields are sometimes null; several rows of each type share their {@code created_at}.
 *
 * <p>The demo keys below are public: never load this dataset into a database that real users can reach.
 */
public final class DemoDataset {

    public static final UUID DEMO_TEAM_ID = UUID.fromString("5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b");
    public static final UUID OTHER_TEAM_ID = UUID.fromString("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");

    public static final UUID DEMO_OWNER_ID = UUID.fromString("5f3a2c1e-0000-4000-8000-000000000001");
    public static final UUID DEMO_ADMIN_ID = UUID.fromString("5f3a2c1e-0000-4000-8000-000000000002");
    public static final UUID DEMO_MANAGER_ID = UUID.fromString("5f3a2c1e-0000-4000-8000-000000000003");
    public static final UUID DEMO_LIBRARIAN_ID = UUID.fromString("5f3a2c1e-0000-4000-8000-000000000004");
    public static final UUID DEMO_AGENT_ID = UUID.fromString("5f3a2c1e-0000-4000-8000-000000000005");
    public static final UUID DEMO_SECOND_AGENT_ID = UUID.fromString("5f3a2c1e-0000-4000-8000-000000000006");
    public static final UUID DEMO_SPECTATOR_ID = UUID.fromString("5f3a2c1e-0000-4000-8000-000000000007");
    public static final UUID OTHER_OWNER_ID = UUID.fromString("9e8d7c6b-0000-4000-8000-000000000001");
    public static final UUID OTHER_AGENT_ID = UUID.fromString("9e8d7c6b-0000-4000-8000-000000000002");

    public static final int DEMO_LIVE_TICKETS = 25_000;
    public static final int DEMO_TEST_TICKETS = 3_000;
    public static final int DEMO_LIVE_CUSTOMERS = 4_000;
    public static final int DEMO_TEST_CUSTOMERS = 1_000;
    public static final int DEMO_LIVE_ARTICLES = 300;
    public static final int DEMO_TEST_ARTICLES = 60;
    public static final int OTHER_LIVE_TICKETS = 600;
    public static final int OTHER_TEST_TICKETS = 150;
    public static final int OTHER_LIVE_CUSTOMERS = 150;
    public static final int OTHER_TEST_CUSTOMERS = 40;
    public static final int OTHER_LIVE_ARTICLES = 25;
    public static final int OTHER_TEST_ARTICLES = 10;

    /** Demo team, owner, live secret key: may export the demo team's live data. */
    public static final String LIVE_SECRET_KEY = "sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1";
    /** Demo team, admin, test secret key: may export the demo team's test data. */
    public static final String TEST_SECRET_KEY = "sk_test_ADMNdemo3Rf6Hj1Mp8Wq2Xs5Ty9Ub4Vc7";
    /** Demo team, admin, live secret key. */
    public static final String ADMIN_SECRET_KEY = "sk_live_ADMNdemo8Kd2Lf6Mg1Nh5Pj9Qk3Rl7Sm4";
    /** Demo team, manager, live secret key (expires in 2099): may export. */
    public static final String MANAGER_SECRET_KEY = "sk_live_MNGRdemo2Hd6Jf9Kg3Lp7Qw1Er5Ty8Ui4";
    /** Demo team, agent, live secret key: valid, but an agent may not export. */
    public static final String AGENT_SECRET_KEY = "sk_live_AGNTdemo5Lm2Qs8Wv3Xy7Bn1Cp4Dr6Fs9";
    /** Demo team, librarian, live secret key: valid, but may not export. */
    public static final String LIBRARIAN_SECRET_KEY = "sk_live_LIBRdemo9Zx4Cv7Bn2Mq6Wr1Et5Yu8Io3";
    /** Demo team, spectator, live secret key: valid, but may not export. */
    public static final String SPECTATOR_SECRET_KEY = "sk_live_SPECdemo6Ty1Ui8Op3As7Df2Gh5Jk9Lz4";
    /** Demo team, owner, live publishable key: valid, but a publishable key may not export. */
    public static final String PUBLISHABLE_KEY = "pk_live_PUBLdemo8Gk4Nv1Zb6Yc3Td7Re2Sf5Ug9";
    /** Demo team, owner, test publishable key. */
    public static final String TEST_PUBLISHABLE_KEY = "pk_test_PUBLdemo1Qa5Ws9Ed3Rf7Tg2Yh6Uj4Ik8";
    /** Other team, owner, live secret key: may export the other team's live data only. */
    public static final String OTHER_TEAM_LIVE_SECRET_KEY = "sk_live_OTHRdemo1Kj5Hg9Fd3Sa7Lq2Wp6Eo8Ri4";
    /** Other team, owner, test secret key. */
    public static final String OTHER_TEAM_TEST_SECRET_KEY = "sk_test_OTHRdemo4Mn8Bv2Cx6Zl1Kp5Jh9Gf3Dd7";
    /** Demo team, owner, live secret key revoked in 2025: rejected as revoked. */
    public static final String REVOKED_SECRET_KEY = "sk_live_RVKDdemo7Pq3Wo8Ei2Ru6Ty1Yu5Ia9Sd4Fg";
    /** Demo team, owner, live secret key that expired on 2025-01-01: rejected as expired. */
    public static final String EXPIRED_SECRET_KEY = "sk_live_EXPDdemo3Ss9Dd4Ff8Gg2Hh7Jj1Kk5Ll6Zz";

    /** When the teams were created, and the members who joined with them. */
    static final Instant TEAMS_CREATED_AT = Instant.parse("2024-06-01T08:00:00Z");
    /** When every demo key was created. */
    static final Instant KEYS_CREATED_AT = Instant.parse("2024-06-01T09:00:00Z");

    record Team(UUID id, String name) {}

    record Member(UUID id, UUID team, String name, String email, String role, Instant createdAt) {
        Member(UUID id, UUID team, String name, String email, String role) {
            this(id, team, name, email, role, TEAMS_CREATED_AT);
        }
    }

    record Key(UUID id, String key, UUID team, UUID member, Instant expiresAt, Instant revokedAt, String description) {
        ApiKey apiKey() {
            return ApiKey.parse(key);
        }

        /** The key only as {@link ApiKey#redact} shows it, like every key. */
        @Override
        public String toString() {
            return "Key[id=" + id + ", key=" + ApiKey.redact(key) + ", team=" + team + ", member=" + member
                    + ", expiresAt=" + expiresAt + ", revokedAt=" + revokedAt + ", description=" + description + "]";
        }
    }

    /** One team's rows of one mode. */
    record Part(UUID team, String mode, String seed, int customers, int tickets, int articles, List<UUID> agents) {}

    static final List<Team> TEAMS = List.of(
            new Team(DEMO_TEAM_ID, "Acme Support (demo)"),
            new Team(OTHER_TEAM_ID, "Globex Helpdesk (other demo team)"));

    static final List<Member> MEMBERS = List.of(
            new Member(DEMO_OWNER_ID, DEMO_TEAM_ID, "Olivia Owner", "olivia.owner@acme.example", "owner"),
            new Member(DEMO_ADMIN_ID, DEMO_TEAM_ID, "Adam Admin", "adam.admin@acme.example", "admin"),
            new Member(DEMO_MANAGER_ID, DEMO_TEAM_ID, "Mia Manager", "mia.manager@acme.example", "manager"),
            new Member(DEMO_LIBRARIAN_ID, DEMO_TEAM_ID, "Léa Librarian", "lea.librarian@acme.example", "librarian"),
            new Member(DEMO_AGENT_ID, DEMO_TEAM_ID, "Ágúst Agent", "agust.agent@acme.example", "agent"),
            new Member(DEMO_SECOND_AGENT_ID, DEMO_TEAM_ID, "佐藤 花子", null, "agent"),
            new Member(DEMO_SPECTATOR_ID, DEMO_TEAM_ID, "Sam Spectator", "sam.spectator@acme.example", "spectator"),
            // members who joined later (no keys): every role again, names that trouble a spreadsheet
            new Member(member(8), DEMO_TEAM_ID, "=Eve Formula", "eve@acme.example", "agent", joined(30)),
            new Member(member(9), DEMO_TEAM_ID, "O'Hara, Seán", "sean.ohara@acme.example", "manager", joined(30)),
            new Member(member(10), DEMO_TEAM_ID, "+Plus \"Quoted\" Person", null, "spectator", joined(61)),
            new Member(member(11), DEMO_TEAM_ID, "Zoë Ådmin", "ZOE.ADMIN@ACME.EXAMPLE", "admin", joined(92)),
            new Member(
                    member(12), DEMO_TEAM_ID, "Line\nBreak Librarian", "lib2@acme.example", "librarian", joined(123)),
            new Member(member(13), DEMO_TEAM_ID, "-Dash Owner", "dash@acme.example", "owner", joined(154)),
            new Member(OTHER_OWNER_ID, OTHER_TEAM_ID, "Gloria Globex", "gloria@globex.example", "owner"),
            new Member(OTHER_AGENT_ID, OTHER_TEAM_ID, "Otto Other", "otto@globex.example", "agent"),
            new Member(
                    UUID.fromString("9e8d7c6b-0000-4000-8000-000000000003"),
                    OTHER_TEAM_ID,
                    "Grete Globex",
                    "grete@globex.example",
                    "admin",
                    joined(45)));

    static final List<Key> KEYS = List.of(
            key(1, LIVE_SECRET_KEY, DEMO_TEAM_ID, DEMO_OWNER_ID, null, null, "demo team, owner, live secret"),
            key(2, TEST_SECRET_KEY, DEMO_TEAM_ID, DEMO_ADMIN_ID, null, null, "demo team, admin, test secret"),
            key(3, ADMIN_SECRET_KEY, DEMO_TEAM_ID, DEMO_ADMIN_ID, null, null, "demo team, admin, live secret"),
            key(
                    4,
                    MANAGER_SECRET_KEY,
                    DEMO_TEAM_ID,
                    DEMO_MANAGER_ID,
                    "2099-01-01T00:00:00Z",
                    null,
                    "demo team, manager, live secret (expires 2099)"),
            key(
                    5,
                    AGENT_SECRET_KEY,
                    DEMO_TEAM_ID,
                    DEMO_AGENT_ID,
                    null,
                    null,
                    "demo team, agent, live secret (no export permission)"),
            key(
                    6,
                    LIBRARIAN_SECRET_KEY,
                    DEMO_TEAM_ID,
                    DEMO_LIBRARIAN_ID,
                    null,
                    null,
                    "demo team, librarian, live secret (no export permission)"),
            key(
                    7,
                    SPECTATOR_SECRET_KEY,
                    DEMO_TEAM_ID,
                    DEMO_SPECTATOR_ID,
                    null,
                    null,
                    "demo team, spectator, live secret (no export permission)"),
            key(
                    8,
                    PUBLISHABLE_KEY,
                    DEMO_TEAM_ID,
                    DEMO_OWNER_ID,
                    null,
                    null,
                    "demo team, owner, live publishable (refused: secret key required)"),
            key(9, TEST_PUBLISHABLE_KEY, DEMO_TEAM_ID, DEMO_OWNER_ID, null, null, "demo team, owner, test publishable"),
            key(
                    10,
                    OTHER_TEAM_LIVE_SECRET_KEY,
                    OTHER_TEAM_ID,
                    OTHER_OWNER_ID,
                    null,
                    null,
                    "other team, owner, live secret"),
            key(
                    11,
                    OTHER_TEAM_TEST_SECRET_KEY,
                    OTHER_TEAM_ID,
                    OTHER_OWNER_ID,
                    null,
                    null,
                    "other team, owner, test secret"),
            key(
                    12,
                    REVOKED_SECRET_KEY,
                    DEMO_TEAM_ID,
                    DEMO_OWNER_ID,
                    null,
                    "2025-06-01T12:00:00Z",
                    "demo team, owner, live secret, REVOKED"),
            key(
                    13,
                    EXPIRED_SECRET_KEY,
                    DEMO_TEAM_ID,
                    DEMO_OWNER_ID,
                    "2025-01-01T00:00:00Z",
                    null,
                    "demo team, owner, live secret, EXPIRED"));

    static final List<Part> PARTS = List.of(
            new Part(
                    DEMO_TEAM_ID,
                    "live",
                    "demo-live",
                    DEMO_LIVE_CUSTOMERS,
                    DEMO_LIVE_TICKETS,
                    DEMO_LIVE_ARTICLES,
                    List.of(DEMO_AGENT_ID, DEMO_SECOND_AGENT_ID, DEMO_MANAGER_ID)),
            new Part(
                    DEMO_TEAM_ID,
                    "test",
                    "demo-test",
                    DEMO_TEST_CUSTOMERS,
                    DEMO_TEST_TICKETS,
                    DEMO_TEST_ARTICLES,
                    List.of(DEMO_AGENT_ID, DEMO_ADMIN_ID)),
            new Part(
                    OTHER_TEAM_ID,
                    "live",
                    "other-live",
                    OTHER_LIVE_CUSTOMERS,
                    OTHER_LIVE_TICKETS,
                    OTHER_LIVE_ARTICLES,
                    List.of(OTHER_AGENT_ID)),
            new Part(
                    OTHER_TEAM_ID,
                    "test",
                    "other-test",
                    OTHER_TEST_CUSTOMERS,
                    OTHER_TEST_TICKETS,
                    OTHER_TEST_ARTICLES,
                    List.of(OTHER_AGENT_ID, OTHER_OWNER_ID)));

    private DemoDataset() {}

    /** A demo team member without a key. */
    private static UUID member(int n) {
        return UUID.fromString(String.format("5f3a2c1e-0000-4000-8000-%012d", n));
    }

    private static Instant joined(int days) {
        return TEAMS_CREATED_AT.plus(Duration.ofDays(days)).plusMillis(days * 7L);
    }

    private static Key key(
            int n, String key, UUID team, UUID member, String expiresAt, String revokedAt, String description) {
        return new Key(
                UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n)),
                key,
                team,
                member,
                expiresAt == null ? null : Instant.parse(expiresAt),
                revokedAt == null ? null : Instant.parse(revokedAt),
                description);
    }

    /** A printable summary: the teams, what they hold, and every demo key with what it is for. */
    public static String describe() {
        StringBuilder out = new StringBuilder();
        out.append("Demo dataset (deterministic; its keys are public, never use it in production)\n");
        out.append("  team ")
                .append(DEMO_TEAM_ID)
                .append("  Acme Support (demo): ")
                .append(DEMO_LIVE_TICKETS)
                .append(" live / ")
                .append(DEMO_TEST_TICKETS)
                .append(" test tickets, ")
                .append(DEMO_LIVE_CUSTOMERS)
                .append(" / ")
                .append(DEMO_TEST_CUSTOMERS)
                .append(" customers, ")
                .append(DEMO_LIVE_ARTICLES)
                .append(" / ")
                .append(DEMO_TEST_ARTICLES)
                .append(" articles, ")
                .append("1 to 5 messages per ticket, members of every role, custom fields of every kind\n");
        out.append("  team ")
                .append(OTHER_TEAM_ID)
                .append("  Globex Helpdesk (other demo team): ")
                .append(OTHER_LIVE_TICKETS)
                .append(" live / ")
                .append(OTHER_TEST_TICKETS)
                .append(" test tickets, ")
                .append(OTHER_LIVE_CUSTOMERS)
                .append(" / ")
                .append(OTHER_TEST_CUSTOMERS)
                .append(" customers, ")
                .append(OTHER_LIVE_ARTICLES)
                .append(" / ")
                .append(OTHER_TEST_ARTICLES)
                .append(" articles\n");
        out.append("  keys:\n");
        for (Key key : KEYS) {
            out.append("    ")
                    .append(key.key())
                    .append("  ")
                    .append(key.description())
                    .append('\n');
        }
        return out.toString();
    }
}
