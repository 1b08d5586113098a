package com.helpdesk.export.demo;

import static com.helpdesk.export.demo.DemoDataset.DEMO_TEAM_ID;
import static com.helpdesk.export.demo.DemoDataset.KEYS;
import static com.helpdesk.export.demo.DemoDataset.KEYS_CREATED_AT;
import static com.helpdesk.export.demo.DemoDataset.MEMBERS;
import static com.helpdesk.export.demo.DemoDataset.OTHER_TEAM_ID;
import static com.helpdesk.export.demo.DemoDataset.PARTS;
import static com.helpdesk.export.demo.DemoDataset.TEAMS;
import static com.helpdesk.export.demo.DemoDataset.TEAMS_CREATED_AT;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Loads the {@link DemoDataset} into a migrated database, set-based with {@code generate_series} in one transaction:
 * the bulk tables without their secondary indexes and foreign keys, which are built and checked once at the end (a
 * first start that loads it is ready after 7.8–8.9 s on 2 cores, the load 4.1–4.6 s of it; the build prepares a
 * loaded database that a first start copies instead; docs/performance.md, "The first start copies a demo database
 * the build prepared"). A database that holds it already is left as it is; one that holds other teams is refused.
 */
public final class DemoLoader {

    /** Guards concurrent loads of this dataset; any fixed number no other code uses. */
    private static final long LOAD_LOCK = 0x0de3_0da7_a5e7L;

    private DemoLoader() {}

    /** Whether the demo team is there (false too when the schema is not). */
    public static boolean isLoaded(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return schemaPresent(connection) && demoTeamPresent(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check for the demo dataset.", e);
        }
    }

    /**
     * Loads the dataset once, in one transaction; a database that holds it already is left as it is. The schema must
     * be migrated first ({@code SchemaMigrations.migrate} or quarkus-flyway). Refuses a database that holds teams
     * other than the dataset's own, since the dataset's keys are public.
     *
     * @throws IllegalStateException when the schema is missing, other teams are present, or the load fails (nothing
     *                               is then loaded)
     */
    public static void load(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // the load is one long transaction of statements that take seconds: a pool's socket timeout for requests
            // (seconds) is lifted for it, and put back after
            int networkTimeout = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, 0);
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOAD_LOCK);
                    lock.execute();
                }
                if (!schemaPresent(connection)) {
                    throw new IllegalStateException(
                            "The export schema is missing: migrate the database before " + "loading the demo dataset.");
                }
                if (demoTeamPresent(connection)) {
                    connection.rollback();
                    return;
                }
                long others = otherTeams(connection);
                if (others > 0) {
                    throw new IllegalStateException("The demo dataset is not loaded into a database that holds "
                            + others + " team(s) of its own: its keys are public. Load it only into an empty "
                            + "database.");
                }
                try (Statement statement = connection.createStatement()) {
                    // the load is one long transaction; the pool's per-statement bound is for requests
                    statement.execute("SET LOCAL statement_timeout = 0");
                    // generate_series makes the planner expect millions of rows, for which it compiles every
                    // statement first (0.7 s for the messages alone): the rows are tens of thousands
                    statement.execute("SET LOCAL jit = off");
                    statement.execute("SET LOCAL maintenance_work_mem = '128MB'");
                }
                // the bulk of the rows go in without their secondary indexes and foreign keys, which are built and
                // checked once, in bulk, at the end (PostgreSQL's "Populating a Database")
                List<String> owned = ownedBulkTables(connection);
                List<String> rebuild = dropForBulkLoad(connection, owned);
                renewEmptyBulkTables(connection, owned);
                insertTeamsMembersAndKeys(connection);
                try (PreparedStatement statement = connection.prepareStatement(DemoSql.CUSTOM_FIELD_DEFINITIONS)) {
                    for (int i = 1; i <= 10; i++) {
                        statement.setObject(i, DEMO_TEAM_ID);
                    }
                    statement.setObject(11, OTHER_TEAM_ID);
                    statement.executeUpdate();
                }
                for (DemoDataset.Part part : PARTS) {
                    insertCustomers(connection, part);
                }
                for (DemoDataset.Part part : PARTS) {
                    insertTickets(connection, part);
                    insertArticles(connection, part);
                }
                for (DemoDataset.Part part : PARTS) {
                    insertMessages(connection, part);
                }
                try (PreparedStatement statement = connection.prepareStatement(DemoSql.TICKET_COUNTS)) {
                    statement.setArray(
                            1,
                            connection.createArrayOf(
                                    "uuid",
                                    TEAMS.stream().map(DemoDataset.Team::id).toArray()));
                    statement.executeUpdate();
                }
                try (Statement statement = connection.createStatement()) {
                    for (String definition : rebuild) {
                        statement.execute(definition);
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ANALYZE teams, members, api_keys, custom_field_definitions, customers, "
                            + "tickets, articles, messages");
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                connection.setNetworkTimeout(Runnable::run, networkTimeout);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The demo dataset could not be loaded.", e);
        }
    }

    /** The tables the bulk of the rows go into. */
    private static final String[] BULK_TABLES = {"customers", "tickets", "articles", "messages"};

    /**
     * Drops what the bulk tables' rows would otherwise maintain or check one by one, where this user owns the table:
     * the indexes no constraint needs (not primary keys, not unique ones, which foreign keys and the load's own
     * queries use) and the foreign keys. Answers the statements that put them back as the schema defines them
     * ({@code pg_get_indexdef}, {@code pg_get_constraintdef}): the indexes are built once, the foreign keys checked
     * once over all rows (a failing check fails the load). Inside the load's transaction: when it fails, everything is
     * back with the rollback, and no one else ever sees the tables without them.
     */
    private static List<String> dropForBulkLoad(Connection connection, List<String> owned) throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> rebuild = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH bulk AS (
                    SELECT to_regclass(name) AS oid FROM unnest(?::text[]) AS name
                )
                SELECT 1, 'ALTER TABLE ' || c.conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(c.conname),
                       'ALTER TABLE ' || c.conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' '
                           || pg_get_constraintdef(c.oid), c.conname
                FROM pg_constraint c
                WHERE c.contype = 'f' AND c.conrelid IN (SELECT oid FROM bulk)
                UNION ALL
                SELECT 2, 'DROP INDEX ' || i.indexrelid::regclass, pg_get_indexdef(i.indexrelid),
                       i.indexrelid::regclass::text
                FROM pg_index i
                WHERE i.indrelid IN (SELECT oid FROM bulk) AND NOT i.indisprimary AND NOT i.indisunique
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                ORDER BY 1, 4
                """)) {
            statement.setArray(1, connection.createArrayOf("text", owned.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    drops.add(rows.getString(2));
                    rebuild.add(rows.getString(3));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
        return rebuild;
    }

    /** The bulk tables this user owns (and may so drop indexes of, or truncate), in {@link #BULK_TABLES}' order. */
    private static List<String> ownedBulkTables(Connection connection) throws SQLException {
        List<String> owned = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT b.name FROM unnest(?::text[]) WITH ORDINALITY AS b(name, n) JOIN pg_class t "
                        + "ON t.oid = to_regclass(b.name) WHERE pg_has_role(t.relowner, 'USAGE') ORDER BY b.n")) {
            statement.setArray(1, connection.createArrayOf("text", BULK_TABLES));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    owned.add(rows.getString(1));
                }
            }
        }
        return owned;
    }

    /**
     * Gives the bulk tables new, empty files ({@code TRUNCATE}) when this user owns them all and they hold no row (as
     * they must, with no team in the database): PostgreSQL need not write to its WAL what goes into a table whose
     * files the transaction created, when {@code wal_level} is {@code minimal} (the embedded server's, see
     * {@code EmbeddedDatabase}), so the rows and the index builds are written once. Elsewhere nothing changes.
     */
    private static void renewEmptyBulkTables(Connection connection, List<String> owned) throws SQLException {
        if (owned.size() < BULK_TABLES.length) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            boolean empty;
            try (ResultSet rows = statement.executeQuery(Arrays.stream(BULK_TABLES)
                    .map(table -> "NOT EXISTS (SELECT 1 FROM " + table + ")")
                    .collect(Collectors.joining(" AND ", "SELECT ", "")))) {
                empty = rows.next() && rows.getBoolean(1);
            }
            if (empty) {
                statement.execute("TRUNCATE " + String.join(", ", BULK_TABLES));
            }
        }
    }

    /** How many teams the database holds that are not the dataset's own. */
    private static long otherTeams(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT count(*) FROM teams WHERE id <> ALL (?)")) {
            statement.setArray(
                    1,
                    connection.createArrayOf(
                            "uuid", TEAMS.stream().map(DemoDataset.Team::id).toArray()));
            try (ResultSet count = statement.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static boolean schemaPresent(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT to_regclass('teams') IS NOT NULL "
                        + "AND to_regclass('tickets') IS NOT NULL AND to_regclass('api_keys') IS NOT NULL")) {
            result.next();
            return result.getBoolean(1);
        }
    }

    private static boolean demoTeamPresent(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM teams WHERE id = ?)")) {
            statement.setObject(1, DEMO_TEAM_ID);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static void insertTeamsMembersAndKeys(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)")) {
            for (DemoDataset.Team team : TEAMS) {
                statement.setObject(1, team.id());
                statement.setString(2, team.name());
                setInstant(statement, 3, TEAMS_CREATED_AT);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO members (id, team_id, name, email, role, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (DemoDataset.Member member : MEMBERS) {
                statement.setObject(1, member.id());
                statement.setObject(2, member.team());
                statement.setString(3, member.name());
                statement.setString(4, member.email());
                statement.setString(5, member.role());
                setInstant(statement, 6, member.createdAt());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO api_keys (id, team_id, "
                + "member_id, key_hash, display_prefix, kind, mode, created_at, expires_at, revoked_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DemoDataset.Key key : KEYS) {
                statement.setObject(1, key.id());
                statement.setObject(2, key.team());
                statement.setObject(3, key.member());
                ApiKey apiKey = key.apiKey();
                statement.setBytes(4, KeyHash.of(apiKey).bytes());
                statement.setString(5, apiKey.displayPrefix());
                statement.setString(6, apiKey.kind().wireName());
                statement.setString(7, apiKey.mode().wireName());
                setInstant(statement, 8, KEYS_CREATED_AT);
                setInstant(statement, 9, key.expiresAt());
                setInstant(statement, 10, key.revokedAt());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(
                index, instant == null ? null : instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static void insertCustomers(Connection connection, DemoDataset.Part part) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DemoSql.CUSTOMERS)) {
            statement.setObject(1, part.team());
            statement.setString(2, part.mode());
            statement.setString(3, part.seed());
            statement.setInt(4, part.customers());
            statement.setObject(5, DEMO_TEAM_ID);
            statement.executeUpdate();
        }
    }

    private static void insertMessages(Connection connection, DemoDataset.Part part) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DemoSql.MESSAGES)) {
            statement.setObject(1, part.team());
            statement.setString(2, part.mode());
            statement.setString(3, part.seed());
            statement.executeUpdate();
        }
    }

    private static void insertTickets(Connection connection, DemoDataset.Part part) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DemoSql.TICKETS)) {
            statement.setObject(1, part.team());
            statement.setString(2, part.mode());
            statement.setString(3, part.seed());
            statement.setArray(4, connection.createArrayOf("uuid", part.agents().toArray()));
            statement.setInt(5, part.customers());
            statement.setInt(6, part.tickets());
            statement.setObject(7, DEMO_TEAM_ID);
            statement.executeUpdate();
        }
    }

    private static void insertArticles(Connection connection, DemoDataset.Part part) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DemoSql.ARTICLES)) {
            statement.setObject(1, part.team());
            statement.setString(2, part.mode());
            statement.setString(3, part.seed());
            statement.setInt(4, part.articles());
            statement.executeUpdate();
        }
    }
}
