package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.persistence.jdbc.Connections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The database role export snapshots read as: a login role in the group {@value #GROUP}, which the migrations allow
 * to {@code SELECT} the exported tables, the custom field definitions and the change feed's tombstones and horizon,
 * and nothing else. Whatever text a page
 * statement carried, it could then reach no key, no counter, nothing to write, and no program or file of the server.
 *
 * <ul>
 *   <li>{@link #provideLogin}: as an administrator (a superuser or a role with {@code CREATEROLE}), makes or updates
 *       such a login role: the group's member, read-only by default, no other attribute. The embedded database gets
 *       one this way; for a database of their own, administrators run the README's SQL.
 *   <li>{@link #problems}: as the role itself, everything that makes it unfit; the service refuses to start while
 *       the list is not empty.
 * </ul>
 */
public final class ExportReadRole {

    /** The group the migrations grant the exported tables to. */
    public static final String GROUP = "helpdesk_export_read";

    /** What an export reads, and so what the role must be able to {@code SELECT}, and all it may. */
    static final List<String> READABLE = List.of(
            "tickets",
            "customers",
            "articles",
            "messages",
            "members",
            "custom_field_definitions",
            "change_tombstones",
            "change_feed_horizon");

    /** PostgreSQL's roles that let a member run programs or read and write files as the server, or any table. */
    static final List<String> FORBIDDEN_MEMBERSHIPS = List.of(
            "pg_execute_server_program",
            "pg_read_server_files",
            "pg_write_server_files",
            "pg_read_all_data",
            "pg_write_all_data");

    /** Functions that read or write the server's files (granted to no one but superusers by default). */
    static final List<String> FILE_FUNCTIONS = List.of(
            "pg_read_file(text)",
            "pg_read_binary_file(text)",
            "pg_ls_dir(text)",
            "lo_import(text)",
            "lo_export(oid, text)");

    /**
     * Functions the change feed reads with, which the role must be able to run: the cluster's system identifier (public
     * by default) and how far behind the feed is (granted to the group by the migrations).
     */
    static final List<String> FEED_FUNCTIONS = List.of("pg_control_system()", "change_feed_oldest_write()");

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private ExportReadRole() {}

    /**
     * Makes {@code name} a login role fit to read exports, or brings an existing one back to that: the member of
     * {@value #GROUP} (made too when missing), {@code LOGIN} with {@code password}, no superuser, database or role
     * creation, no replication, and {@code default_transaction_read_only} on. Idempotent.
     *
     * @param administrator a DataSource of a superuser or a role with {@code CREATEROLE}
     * @param name          the role's name: lower-case letters, digits and {@code _}
     */
    public static void provideLogin(DataSource administrator, String name, String password) {
        Objects.requireNonNull(administrator, "administrator");
        Objects.requireNonNull(password, "password");
        if (!ROLE_NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("a role name of lower-case letters, digits and _ is needed: " + name);
        }
        try (Connection connection = administrator.getConnection();
                Statement statement = connection.createStatement()) {
            createIfMissing(connection, statement, GROUP, "NOLOGIN");
            createIfMissing(connection, statement, name, "LOGIN");
            String alter;
            try (PreparedStatement quote = connection.prepareStatement("SELECT format('ALTER ROLE %I WITH LOGIN "
                    + "NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD %L', ?, ?)")) {
                quote.setString(1, name);
                quote.setString(2, password);
                try (ResultSet row = quote.executeQuery()) {
                    row.next();
                    alter = row.getString(1);
                }
            }
            statement.execute(alter);
            statement.execute("GRANT " + GROUP + " TO " + name);
            statement.execute("ALTER ROLE " + name + " SET default_transaction_read_only = on");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The export read role " + name + " could not be made: " + e.getMessage(), e);
        }
    }

    private static void createIfMissing(Connection connection, Statement statement, String role, String kind)
            throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, role);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try {
            statement.execute("CREATE ROLE " + role + " " + kind); // a name checked against ROLE_NAME, or GROUP
        } catch (SQLException e) {
            // 42710 duplicate_object, 23505 unique_violation: made meanwhile by someone else, which is as good
            if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /**
     * Waits until {@code reads}, when it is a standby, has replayed what {@code primary} had written when this was
     * called (the migrations just applied there among it), so that what the role may do is checked on the schema it
     * will read; answers at once when {@code reads} is no standby.
     *
     * @return whether it caught up within {@code patience}
     * @throws SQLException when either database cannot be asked
     */
    public static boolean awaitReplay(DataSource primary, DataSource reads, Duration patience)
            throws SQLException, InterruptedException {
        try (Connection standby = reads.getConnection()) {
            if (!Connections.yesOrNo(standby, "SELECT pg_is_in_recovery() = ?", true)) {
                return true;
            }
            String written;
            try (Connection writer = primary.getConnection();
                    Statement statement = writer.createStatement();
                    ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
                row.next();
                written = row.getString(1);
            }
            long deadline = System.nanoTime() + patience.toNanos();
            while (!Connections.yesOrNo(
                    standby, "SELECT coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false)", written)) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                Thread.sleep(100);
            }
            return true;
        }
    }

    /**
     * Everything that makes the role {@code reads} connects as unfit to read exports, each said in a sentence that
     * names it; empty when the role may read the exported tables and nothing else, write nothing, run no server
     * program and read no server file.
     *
     * @throws SQLException when the database cannot be asked
     */
    public static List<String> problems(DataSource reads) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection connection = reads.getConnection()) {
            String name = currentUser(connection);
            String role = "The export read role " + name;
            attributes(connection, role, problems);
            for (String membership : FORBIDDEN_MEMBERSHIPS) {
                if (Connections.yesOrNo(connection, "SELECT pg_has_role(current_user, ?, 'MEMBER')", membership)) {
                    problems.add(role + " is a member of " + membership);
                }
            }
            for (String function : FILE_FUNCTIONS) {
                if (Connections.yesOrNo(
                        connection, "SELECT has_function_privilege(current_user, ?, 'EXECUTE')", function)) {
                    problems.add(role + " may run " + function + " (a file of the server)");
                }
            }
            for (String function : FEED_FUNCTIONS) {
                if (!Connections.yesOrNo(
                        connection, "SELECT has_function_privilege(current_user, ?, 'EXECUTE')", function)) {
                    problems.add(role + " may not run " + function + " (the change feed reads with it)");
                }
            }
            tables(connection, role, problems);
            if (!Connections.yesOrNo(connection, "SELECT current_setting('default_transaction_read_only') = ?", "on")) {
                problems.add(role + " is not read-only by default (ALTER ROLE " + name
                        + " SET default_transaction_read_only = on)");
            }
        }
        return List.copyOf(problems);
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_user")) {
            row.next();
            return row.getString(1);
        }
    }

    private static void attributes(Connection connection, String role, List<String> problems) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb, "
                        + "rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            row.next();
            String[] attributes = {
                "a superuser", "may create roles", "may create databases", "may replicate", "bypasses row security"
            };
            for (int i = 0; i < attributes.length; i++) {
                if (row.getBoolean(i + 1)) {
                    problems.add(role + (attributes[i].startsWith("a ") ? " is " : " ") + attributes[i]);
                }
            }
        }
    }

    /**
     * Every table, view, sequence and schema of the database outside PostgreSQL's own catalogs: owned (so writable
     * whatever its grants), writable, readable other than the exported tables, or a schema it may create objects
     * in; and each exported table it may not read.
     */
    private static void tables(Connection connection, String role, List<String> problems) throws SQLException {
        String relations = "SELECT n.nspname, c.relname, c.relkind, "
                + "pg_has_role(current_user, c.relowner, 'USAGE'), "
                + "has_table_privilege(current_user, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') "
                + "OR has_any_column_privilege(current_user, c.oid, 'INSERT, UPDATE, REFERENCES'), "
                + "has_any_column_privilege(current_user, c.oid, 'SELECT') "
                + "OR (c.relkind = 'S' AND has_sequence_privilege(current_user, c.oid, 'SELECT, USAGE, UPDATE')) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', "
                + "'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' "
                + "ORDER BY 1, 2";
        List<String> readable = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(relations)) {
            while (rows.next()) {
                String name = rows.getString(1) + "." + rows.getString(2);
                boolean exported = rows.getString(1).equals("public") && READABLE.contains(rows.getString(2));
                if (rows.getBoolean(4)) {
                    problems.add(role + " owns " + name);
                } else if (rows.getBoolean(5)) {
                    problems.add(role + " may write " + name);
                }
                if (rows.getBoolean(6)) {
                    if (exported) {
                        readable.add(rows.getString(2));
                    } else {
                        problems.add(role + " may read " + name);
                    }
                }
            }
        }
        for (String table : READABLE) {
            if (!readable.contains(table)) {
                problems.add(role + " may not read public." + table + " (GRANT " + GROUP + " TO the role)");
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet schemas = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE "
                        + "has_schema_privilege(current_user, oid, 'CREATE') AND nspname NOT LIKE 'pg\\_temp%' "
                        + "AND nspname NOT LIKE 'pg\\_toast\\_temp%' ORDER BY 1")) {
            while (schemas.next()) {
                problems.add(role + " may create objects in schema " + schemas.getString(1));
            }
        }
    }
}
