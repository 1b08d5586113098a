package com.helpdesk.export.persistence.jdbc.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The role export snapshots read as can read the exported tables and nothing else, whatever text reached it: what one
 * escaping slip in a page statement could do is tried here as that role, statement by statement and stacked behind
 * a {@code COPY} as the reader sends it. And the start check names everything that makes a role unfit.
 */
class ExportReadRoleTest {

    private static DataSource database;
    private static DataSource reader;

    @BeforeAll
    static void migrate() {
        database = TestPostgres.migratedDatabase();
        reader = TestPostgres.asExportReader(database);
    }

    @Test
    void aLoginMadeByProvideLoginHasNoProblem() throws SQLException {
        assertThat(ExportReadRole.problems(reader)).isEmpty();
        // and it can read what an export reads
        for (String table : ExportReadRole.READABLE) {
            execute(reader, "SELECT count(*) FROM " + table);
        }
    }

    @Test
    void theDatabaseOwnerAndSuperuserIsRefusedWithEveryReasonNamed() throws SQLException {
        List<String> problems = ExportReadRole.problems(database);
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).endsWith(" is a superuser"))
                .anySatisfy(p -> assertThat(p).endsWith(" owns public.api_keys"))
                .anySatisfy(p -> assertThat(p).endsWith(" may read public.api_keys"))
                .anySatisfy(p -> assertThat(p).endsWith(" is a member of pg_execute_server_program"))
                .anySatisfy(p -> assertThat(p).contains(" may run pg_read_file(text)"))
                .anySatisfy(p -> assertThat(p).contains(" is not read-only by default"));
    }

    @Test
    void eachGrantBeyondTheExportedTablesIsNamed() throws SQLException {
        String role = "reader_" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        ExportReadRole.provideLogin(TestPostgres.server().dataSource(), role, password);
        DataSource asRole = as(role, password);
        assertThat(ExportReadRole.problems(asRole)).isEmpty();

        execute(database, "GRANT INSERT ON tickets TO " + role);
        execute(database, "GRANT SELECT (key_hash) ON api_keys TO " + role);
        execute(database, "GRANT SELECT ON export_leases TO " + role);
        execute(database, "GRANT pg_read_server_files TO " + role);
        execute(database, "GRANT CREATE ON SCHEMA public TO " + role);
        execute(database, "ALTER ROLE " + role + " SET default_transaction_read_only = off");
        execute(database, "ALTER ROLE " + role + " CREATEROLE");
        assertThat(ExportReadRole.problems(asRole))
                .containsExactlyInAnyOrder(
                        "The export read role " + role + " may create roles",
                        "The export read role " + role + " is a member of pg_read_server_files",
                        "The export read role " + role + " may read public.api_keys",
                        "The export read role " + role + " may read public.export_leases",
                        "The export read role " + role + " may write public.tickets",
                        "The export read role " + role + " may create objects in schema public",
                        "The export read role " + role + " is not read-only by default (ALTER ROLE " + role
                                + " SET default_transaction_read_only = on)");

        // provideLogin brings it back to what it should be, but for grants made to it on tables, which it names
        execute(database, "REVOKE INSERT ON tickets FROM " + role);
        execute(database, "REVOKE SELECT (key_hash) ON api_keys FROM " + role);
        execute(database, "REVOKE SELECT ON export_leases FROM " + role);
        execute(database, "REVOKE pg_read_server_files FROM " + role);
        execute(database, "REVOKE CREATE ON SCHEMA public FROM " + role);
        ExportReadRole.provideLogin(TestPostgres.server().dataSource(), role, password);
        assertThat(ExportReadRole.problems(asRole)).isEmpty();
    }

    @Test
    void aRoleWithoutTheGroupMayNotReadTheExportedTables() throws SQLException {
        String role = "reader_" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        ExportReadRole.provideLogin(TestPostgres.server().dataSource(), role, password);
        execute(database, "REVOKE " + ExportReadRole.GROUP + " FROM " + role);
        List<String> problems = ExportReadRole.problems(as(role, password));
        assertThat(problems.stream().filter(p -> p.contains(" may not read public.")))
                .hasSize(ExportReadRole.READABLE.size());
        assertThat(problems.stream().filter(p -> !p.contains(" may not read public.")))
                .as("nor run what the change feed reads with (granted to the group)")
                .containsExactly("The export read role " + role
                        + " may not run change_feed_oldest_write() (the change feed reads with it)");
    }

    @Test
    void whatAnEscapingSlipCouldSendIsRefusedToTheReader() throws SQLException {
        List<String> slips = List.of(
                "SELECT key_hash FROM api_keys",
                "SELECT * FROM rate_limit_windows",
                "SELECT * FROM teams",
                "UPDATE tickets SET title = 'x'",
                "DELETE FROM export_leases",
                "CREATE TABLE stolen (x text)",
                "COPY (SELECT 1) TO PROGRAM 'id'",
                "COPY (SELECT 1) TO '/tmp/stolen'",
                "SELECT pg_read_file('/etc/passwd')",
                "SELECT lo_import('/etc/passwd')",
                "ALTER ROLE " + TestPostgres.READER + " SUPERUSER",
                "SET ROLE postgres");
        for (String slip : slips) {
            assertThatThrownBy(() -> execute(reader, slip))
                    .as(slip)
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getSQLState())
                                    .as(slip + ": " + e.getMessage())
                                    .isIn("42501", "25006"));
        }
    }

    @Test
    void statementsStackedBehindTheCopyOfAPageAreRefusedToo() throws SQLException {
        // what the page statement would become if a value broke out of its quotes: a COMMIT ends the read-only
        // transaction, then a write and a read of the keys, all in the one simple query COPY is sent as
        try (Connection connection = reader.getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (String stacked : List.of(
                    "COPY (SELECT 1) TO STDOUT; COMMIT; DELETE FROM tickets",
                    "COPY (SELECT 1) TO STDOUT; COMMIT; SELECT key_hash FROM api_keys",
                    "COPY (SELECT 1) TO STDOUT; COMMIT; COPY (SELECT 1) TO PROGRAM 'touch /tmp/pwned'")) {
                assertThatThrownBy(() -> pg.getCopyAPI().copyOut(stacked, java.io.OutputStream.nullOutputStream()))
                        .as(stacked)
                        .isInstanceOf(SQLException.class)
                        .hasMessageMatching("(?s).*(permission denied|read-only transaction|privileges of the "
                                + "pg_execute_server_program role).*");
                connection.rollback();
            }
        }
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/pwned")))
                .isFalse();
    }

    private static DataSource as(String role, String password) {
        PGSimpleDataSource other = new PGSimpleDataSource();
        other.setUrl(((PGSimpleDataSource) database).getUrl());
        other.setUser(role);
        other.setPassword(password);
        return other;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
