package com.helpdesk.export.persistence.jdbc.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.SearchTooBroadException;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.FilterCondition;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cost flat in a team's size: the statements the adapter sends are served by indexes on a team far larger than a
 * page, beside a neighbour of the same size, whatever the filter: {@code search} by the trigram indexes led by the
 * team (so a term found nowhere costs a lookup, not a scan of the team's rows), {@code tag} by the team's array
 * index, one value of an enumerated filter by the (team, mode, column, created_at, id) index read in the export's
 * order (no sort). The plans are PostgreSQL's own answer on analysed tables (EXPLAIN of the very statement and
 * parameters), not timings; the rows found are checked too, so an index that served the wrong rows would fail here
 * as well. Terms of one or two characters hold no trigram and are read through the team's order index instead: see
 * docs/performance.md.
 */
class FilterPlansTest {

    private static final int ROWS = 20_000;
    private static final UUID TEAM = UUID.fromString("7d1e0c2a-0000-4000-8000-00000000ee01");
    private static final UUID NEIGHBOUR = UUID.fromString("7d1e0c2a-0000-4000-8000-00000000ee02");

    private static DataSource database;

    @BeforeAll
    static void growTwoTeams() throws SQLException {
        database = TestPostgres.migratedDatabase();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO teams (id, name) VALUES ('" + TEAM + "', 'big'), ('" + NEIGHBOUR + "', 'neighbour')");
            for (UUID team : List.of(TEAM, NEIGHBOUR)) {
                String t = "'" + team + "'";
                // every 5,000th row carries "zephyr" (the team's rows only: the neighbour's never do)
                String rare = team.equals(TEAM) ? "CASE WHEN n % 5000 = 0 THEN ' zephyr' ELSE '' END" : "''";
                String words = "(ARRAY['billing','login','refund','invoice','password'])[1 + n % 5]";
                statement.execute("INSERT INTO members (id, team_id, name, email, role, created_at) SELECT "
                        + "gen_random_uuid(), " + t + ", 'Agent ' || " + words + " || n || " + rare + ", "
                        + "'agent' || n || '@example.com', (ARRAY['owner','admin','agent'])[1 + n % 3], "
                        + "timestamptz '2020-01-01Z' + n * interval '1 minute' FROM generate_series(1, " + ROWS
                        + ") n");
                statement.execute("INSERT INTO customers (id, team_id, mode, name, email, status, sentiment, tags, "
                        + "created_at, updated_at) SELECT gen_random_uuid(), " + t + ", 'live', "
                        + "'Customer ' || " + words + " || n || " + rare + ", 'c' || n || '@example.com', "
                        + "CASE WHEN n % 5 = 0 THEN 'inactive' ELSE 'active' END, 'neutral', "
                        + "CASE WHEN n % 100 = 0 THEN ARRAY['vip'] ELSE '{}' END, "
                        + "timestamptz '2020-01-01Z' + n * interval '1 minute', "
                        + "timestamptz '2020-01-01Z' + n * interval '1 minute' FROM generate_series(1, " + ROWS
                        + ") n");
                statement.execute("INSERT INTO tickets (id, team_id, mode, title, status, priority, tags, "
                        + "created_at, updated_at) SELECT gen_random_uuid(), " + t + ", 'live', "
                        + "'Problem with ' || " + words + " || ' ' || n || " + rare + ", "
                        + "(ARRAY['new','open','pending','resolved','closed'])[1 + n % 5], 'low', "
                        + "CASE WHEN n % 100 = 0 THEN ARRAY['escalated'] ELSE '{}' END, "
                        + "timestamptz '2020-01-01Z' + n * interval '1 minute', "
                        + "timestamptz '2020-01-01Z' + n * interval '1 minute' FROM generate_series(1, " + ROWS
                        + ") n");
                statement.execute("INSERT INTO articles (id, team_id, mode, title, status, tags, created_at, "
                        + "updated_at) SELECT gen_random_uuid(), " + t + ", 'live', "
                        + "'How to ' || " + words + " || ' ' || n || " + rare + ", "
                        + "(ARRAY['draft','published','archived'])[1 + n % 3], "
                        + "CASE WHEN n % 100 = 0 THEN ARRAY['faq'] ELSE '{}' END, "
                        + "timestamptz '2020-01-01Z' + n * interval '1 minute', "
                        + "timestamptz '2020-01-01Z' + n * interval '1 minute' FROM generate_series(1, " + ROWS
                        + ") n");
            }
            // as autovacuum would: moves the GIN indexes' pending lists into the indexes and refreshes their
            // statistics (until then the planner prices a GIN lookup as reading the whole pending list)
            statement.execute("VACUUM ANALYZE");
        }
    }

    @ParameterizedTest(name = "{0} search {1}: {3} rows")
    @CsvSource({
        "TICKETS,   zephyr,   tickets_title_trgm_idx,   4",
        "TICKETS,   qqqxyz,   tickets_title_trgm_idx,   0",
        "TICKETS,   ZEPH,     tickets_title_trgm_idx,   4",
        "CUSTOMERS, zephyr,   customers_name_trgm_idx,  4",
        "CUSTOMERS, qqqxyz,   customers_email_trgm_idx, 0",
        "ARTICLES,  zephyr,   articles_title_trgm_idx,  4",
        "ARTICLES,  qqqxyz,   articles_title_trgm_idx,  0",
        "MEMBERS,   zephyr,   members_name_trgm_idx,    4",
        "MEMBERS,   qqqxyz,   members_email_trgm_idx,   0",
    })
    void searchIsALookupInTheTeamsTrigramIndexNotAScan(ResourceType type, String term, String index, int rows)
            throws SQLException {
        ResourceSql sql = sql(type, new FilterCondition.Text(type.filters().get("search"), term));
        assertThat(plan(sql)).contains("Bitmap Index Scan on " + index).doesNotContain("Seq Scan");
        assertThat(count(sql)).isEqualTo(rows);
    }

    @ParameterizedTest(name = "{0} search {1}: {2} rows")
    @CsvSource({
        "TICKETS, ze, 4",
        "TICKETS, Z, 4",
        "CUSTOMERS, ze, 4",
        "MEMBERS, zE, 4",
        "TICKETS, ---, 0",
        "TICKETS, @@@, 0",
        "TICKETS, 'g a.b.c', 0",
        "ARTICLES, @@@, 0",
        "CUSTOMERS, ., 10001",
        "MEMBERS, @, 10001"
    })
    void aTermWithoutATrigramIsNoIndexConditionButAFilterOnTheTeamsRows(ResourceType type, String term, int rows)
            throws SQLException {
        ResourceSql sql = sql(type, new FilterCondition.Text(type.filters().get("search"), term));
        assertThat(sql.unindexedSearch()).isTrue();
        String plan = plan(sql);
        assertThat(plan).doesNotContain("Seq Scan");
        assertThat(plan.lines().filter(line -> line.contains("Index Cond")))
                .as("the term is no index condition")
                .noneMatch(line -> line.contains("~~*"));
        assertThat(count(sql)).isEqualTo(rows);
    }

    @Test
    void aSearchNoIndexServesThatRunsPastItsBudgetIsTooBroadNotUnavailable() throws Exception {
        ResourceType type = ResourceType.TICKETS;
        // a term found in no row: the team's 20,000 rows are each checked, which takes far longer than 1 ms
        ResourceQuery rare = new ResourceQuery(
                type,
                new ResourceFilters(
                        type, List.of(new FilterCondition.Text(type.filters().get("search"), "#!"))),
                type.fields(),
                Optional.empty(),
                10_001);
        ReaderSettings budget = ReaderSettings.defaults().withSearchBudget(Duration.ofMillis(1));
        try (JdbcResourceReader reader = new JdbcResourceReader(TestPostgres.asExportReader(database), budget);
                ReadSnapshot snapshot =
                        reader.openSnapshot(new Scope(new TeamId(TEAM), Mode.LIVE), Cancellation.never())) {
            assertThatThrownBy(() -> snapshot.read(rare, row -> {}))
                    .isInstanceOf(SearchTooBroadException.class)
                    .satisfies(e -> assertThat(((SearchTooBroadException) e)
                                    .asInvalid("resources[0].filters.search")
                                    .getMessage())
                            .contains("too broad for a team this size", "tickets", "1 second."));
        }
        // an indexed search of the same team under the same budget is served at once
        ResourceQuery indexed = new ResourceQuery(
                type,
                new ResourceFilters(
                        type, List.of(new FilterCondition.Text(type.filters().get("search"), "zephyr"))),
                type.fields(),
                Optional.empty(),
                10_001);
        try (JdbcResourceReader reader = new JdbcResourceReader(
                        TestPostgres.asExportReader(database), budget.withSearchBudget(Duration.ofSeconds(5)));
                ReadSnapshot snapshot =
                        reader.openSnapshot(new Scope(new TeamId(TEAM), Mode.LIVE), Cancellation.never())) {
            assertThat(snapshot.read(indexed, row -> {}).rows()).isEqualTo(4);
        }
    }

    @ParameterizedTest(name = "{0} tag {1}")
    @CsvSource({
        "TICKETS, escalated, tickets_tags_idx",
        "CUSTOMERS, vip, customers_tags_idx",
        "ARTICLES, faq, articles_tags_idx"
    })
    void aTagIsALookupInTheTeamsTagIndex(ResourceType type, String tag, String index) throws SQLException {
        ResourceSql sql = sql(type, new FilterCondition.Text(type.filters().get("tag"), tag));
        assertThat(plan(sql)).contains("Index Scan on " + index).doesNotContain("Seq Scan");
        assertThat(count(sql)).isEqualTo(ROWS / 100);
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "TICKETS, status, open, tickets_status_idx",
        "CUSTOMERS, status, inactive, customers_status_idx",
        "ARTICLES, status, draft, articles_status_idx",
        "MEMBERS, role, owner, members_role_idx"
    })
    void oneValueOfAnEnumeratedFilterIsReadInOrderFromItsIndexWithoutSorting(
            ResourceType type, String filter, String value, String index) throws SQLException {
        // a page smaller than the matches, so that reading in order and stopping is the cheaper plan
        ResourceSql sql = sql(type, new FilterCondition.AnyOf(type.filters().get(filter), List.of(value)));
        assertThat(plan(sql, 1_001)).contains("Index Scan using " + index).doesNotContain("Sort", "Seq Scan");
        assertThat(count(sql)).isPositive();
    }

    private static ResourceSql sql(ResourceType type, FilterCondition condition) {
        Scope scope = new Scope(new TeamId(TEAM), Mode.LIVE);
        return ResourceSql.of(
                scope,
                new ResourceQuery(
                        type, new ResourceFilters(type, List.of(condition)), type.fields(), Optional.empty(), 10_001));
    }

    /**
     * The plan of the statement the reader sends (every column, the limit of a full page unless told), its values
     * bound as the reader binds them, run as the export read role.
     */
    private static String plan(ResourceSql sql) throws SQLException {
        return plan(sql, 10_001);
    }

    private static String plan(ResourceSql sql, int limit) throws SQLException {
        return String.join("\n", run(sql, "EXPLAIN (COSTS OFF) " + sql.rows(SelectList.all(sql.table()), limit)));
    }

    private static int count(ResourceSql sql) throws SQLException {
        return run(sql, sql.rows(SelectList.all(sql.table()), 10_001)).size();
    }

    /** The first column of every row the statement gives, its values bound first, in one transaction. */
    private static List<String> run(ResourceSql sql, String statementText) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = TestPostgres.asExportReader(database).getConnection()) {
            connection.setAutoCommit(false);
            sql.values().bind(connection, 30_000);
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(statementText)) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            connection.rollback();
        }
        return lines;
    }
}
