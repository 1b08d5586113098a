package com.helpdesk.export.persistence.jdbc.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.FilterCondition;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.persistence.jdbc.SqlErrors;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQLException translation and SQL building, without a database. */
class SqlTranslationTest {

    @ParameterizedTest
    @CsvSource({
        "08001, SERVICE_UNAVAILABLE",
        "08006, SERVICE_UNAVAILABLE",
        "08003, SERVICE_UNAVAILABLE",
        "53300, SERVICE_UNAVAILABLE",
        "57P01, SERVICE_UNAVAILABLE",
        "57P03, SERVICE_UNAVAILABLE",
        "57014, SERVICE_UNAVAILABLE",
        "42P01, INTERNAL_ERROR",
        "42601, INTERNAL_ERROR",
        "22P02, INTERNAL_ERROR",
        "25P02, INTERNAL_ERROR",
        "40001, SERVICE_UNAVAILABLE"
    })
    void sqlStatesAreTranslated(String state, ErrorCode expected) {
        SQLException cause = new SQLException("ERROR: secret detail in SELECT * FROM tickets", state);

        ExportException translated = SqlErrors.translate(cause);

        assertThat(translated.code()).isEqualTo(expected);
        assertThat(translated.getMessage()).doesNotContain("SELECT", "tickets", "secret");
        assertThat(translated.getCause()).isSameAs(cause);
        assertThat(translated.param()).isNull();
    }

    @Test
    void aTimeoutSaysTheExportTookTooLong() {
        assertThat(SqlErrors.translate(new SQLException("canceling statement", "57014"))
                        .getMessage())
                .isEqualTo(SqlErrors.TOO_LONG_MESSAGE)
                .contains("took too long");
    }

    @ParameterizedTest
    @CsvSource({
        "08001, SERVICE_UNAVAILABLE",
        "53300, SERVICE_UNAVAILABLE",
        "57P01, SERVICE_UNAVAILABLE",
        "42P01, INTERNAL_ERROR",
        "23505, INTERNAL_ERROR"
    })
    void countingFailuresAreTranslatedLikeOthers(String state, ErrorCode expected) {
        SQLException cause = new SQLException("ERROR: relation rate_limit_buckets", state);

        ExportException translated = SqlErrors.translateCounting(cause);

        assertThat(translated.code()).isEqualTo(expected);
        assertThat(translated.getMessage()).doesNotContain("rate_limit_buckets");
        assertThat(translated.getCause()).isSameAs(cause);
    }

    @Test
    void aCancelledCountIsUnavailableWithoutBlamingAnExport() {
        ExportException translated = SqlErrors.translateCounting(new SQLException("canceling statement", "57014"));

        assertThat(translated.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(translated.getMessage()).isEqualTo(SqlErrors.UNAVAILABLE_MESSAGE);
        assertThat(SqlErrors.internal(new IllegalStateException("x")).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @Test
    void connectionExceptionsWithoutStateAndFailedConnectsAreServiceUnavailable() {
        assertThat(SqlErrors.translate(new SQLTransientConnectionException("pool timeout"))
                        .code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(SqlErrors.translate(new SQLException("no state")).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(SqlErrors.connectionUnavailable(new SQLException("Sorry, acquisition timeout!"))
                        .code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void likeWildcardsAndTheEscapeCharacterAreEscaped() {
        assertThat(ResourceSql.escapeLike("50% off_now \\ ok")).isEqualTo("50\\% off\\_now \\\\ ok");
        assertThat(ResourceSql.escapeLike("plain")).isEqualTo("plain");
    }

    @Test
    void timeBoundsAreRoundedUpToMicroseconds() {
        assertThat(ResourceSql.ceilToMicros(Instant.parse("2026-01-01T00:00:00.000001Z")))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.000001Z"));
        assertThat(ResourceSql.ceilToMicros(Instant.parse("2026-01-01T00:00:00.000001001Z")))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.000002Z"));
    }

    @Test
    void noValueReachesTheSqlTextEachIsBoundInOrder() {
        ResourceType type = ResourceType.TICKETS;
        String evil = "' OR 1=1 --\\";
        ResourceFilters filters = new ResourceFilters(
                type,
                List.of(
                        new FilterCondition.Text(type.filters().get("search"), evil),
                        new FilterCondition.Text(type.filters().get("tag"), "x');DROP--"),
                        new FilterCondition.AnyOf(type.filters().get("status"), List.of("open", "pending")),
                        new FilterCondition.IdEquals(type.filters().get("customerId"), new UUID(1, 2)),
                        new FilterCondition.TimeBound(
                                type.filters().get("createdAfter"), Instant.parse("1970-01-01T00:00:00.000000001Z"))));
        Scope scope = new Scope(new TeamId(new UUID(3, 4)), Mode.TEST);

        ResourceSql sql = ResourceSql.of(scope, new ResourceQuery(type, filters, type.fields(), Optional.empty(), 10));
        String statement = sql.rows(SelectList.of(ResourceTable.TICKETS, type.selectFields(List.of("id"), "f")), 10);

        assertThat(statement)
                .isEqualTo(
                        "SELECT created_at, id FROM tickets WHERE team_id = current_setting('helpdesk_export.v1')::uuid"
                                + " AND mode = current_setting('helpdesk_export.v2')"
                                + " AND (title || '' ILIKE current_setting('helpdesk_export.v3') ESCAPE E'\\\\')"
                                + " AND tags @> ARRAY[current_setting('helpdesk_export.v4')]"
                                + " AND status = ANY (ARRAY[current_setting('helpdesk_export.v5'),"
                                + " current_setting('helpdesk_export.v6')])"
                                + " AND customer_id = current_setting('helpdesk_export.v7')::uuid"
                                + " AND created_at >= current_setting('helpdesk_export.v8')::timestamptz"
                                + " ORDER BY created_at, id LIMIT 10");
        assertThat(sql.values().values())
                .containsExactly(
                        "00000000-0000-0003-0000-000000000004",
                        "test",
                        "%' OR 1=1 --\\\\%",
                        "x');DROP--",
                        "open",
                        "pending",
                        "00000000-0000-0001-0000-000000000002",
                        "1970-01-01 00:00:00.000001+00");
        assertThat(sql.unindexedSearch())
                .as("' OR 1=1 has no three letters in a row")
                .isTrue();
    }

    @Test
    void theStatementsTextIsTheSameWhateverTheValues() {
        ResourceType type = ResourceType.CUSTOMERS;
        Scope scope = new Scope(new TeamId(new UUID(3, 4)), Mode.LIVE);
        Scope other = new Scope(new TeamId(new UUID(5, 6)), Mode.TEST);
        SelectList columns = SelectList.all(ResourceTable.CUSTOMERS);
        String first = ResourceSql.of(scope, query(type, "search", "billing")).rows(columns, 10);
        String second = ResourceSql.of(other, query(type, "search", "'; SELECT * FROM api_keys; --"))
                .rows(columns, 10);
        assertThat(second).isEqualTo(first).doesNotContain("billing", "api_keys");
    }

    @Test
    void aSearchTermWithoutThreeLettersOrDigitsInARowIsKeptOffTheTrigramIndex() {
        for (String term : List.of("---", "@@@", "a.b.c", "ab", "Z", "1-2-3", "é.è")) {
            assertThat(ResourceSql.hasTrigram(term)).as(term).isFalse();
            ResourceSql sql = ResourceSql.of(
                    new Scope(new TeamId(new UUID(3, 4)), Mode.LIVE), query(ResourceType.TICKETS, "search", term));
            assertThat(sql.unindexedSearch()).as(term).isTrue();
            assertThat(sql.rows(SelectList.all(ResourceTable.TICKETS), 10)).contains("(title || '' ILIKE");
        }
        for (String term : List.of("abc", "a.bcd", "123", "日本語", "x--yz1")) {
            assertThat(ResourceSql.hasTrigram(term)).as(term).isTrue();
            ResourceSql sql = ResourceSql.of(
                    new Scope(new TeamId(new UUID(3, 4)), Mode.LIVE), query(ResourceType.TICKETS, "search", term));
            assertThat(sql.unindexedSearch()).as(term).isFalse();
            assertThat(sql.rows(SelectList.all(ResourceTable.TICKETS), 10)).contains("(title ILIKE");
        }
    }

    private static ResourceQuery query(ResourceType type, String filter, String text) {
        return new ResourceQuery(
                type,
                new ResourceFilters(
                        type, List.of(new FilterCondition.Text(type.filters().get(filter), text))),
                type.fields(),
                Optional.empty(),
                10);
    }

    @Test
    void aQueryReadsTheOrderKeyAndOnlyTheColumnsOfItsFieldsEachCastToTheTypeItIsDecodedFrom() {
        ResourceTable articles = ResourceTable.ARTICLES;
        SelectList idOnly = SelectList.of(articles, ResourceType.ARTICLES.selectFields(List.of("id"), "fields"));
        assertThat(idOnly.query("team_id = x", 5))
                .isEqualTo("SELECT created_at, id FROM articles WHERE team_id = x ORDER BY created_at, id LIMIT 5");
        assertThat(idOnly.column(ResourceType.ARTICLES.field("id").orElseThrow()))
                .isEqualTo(SelectList.ID);
        assertThat(idOnly.columnCount()).isEqualTo(2);

        SelectList some = SelectList.of(
                articles,
                ResourceType.ARTICLES.selectFields(
                        List.of("tags", "title", "createdAt", "isPublic", "viewCount", "publishedAt"), "fields"));
        assertThat(some.columns())
                .isEqualTo("created_at, id, (tags)::text[] AS c3, (title)::text AS c4, (is_public)::boolean AS c5, "
                        + "(view_count)::int4 AS c6, (published_at)::timestamptz AS c7");
        assertThat(some.query("true", 1)).doesNotContain("content");
        assertThat(some.column(ResourceType.ARTICLES.field("tags").orElseThrow()))
                .isEqualTo(3);
        assertThat(some.column(ResourceType.ARTICLES.field("title").orElseThrow()))
                .isEqualTo(4);
        assertThat(some.column(ResourceType.ARTICLES.field("createdAt").orElseThrow()))
                .isEqualTo(SelectList.CREATED_AT);
        assertThat(some.column(ResourceType.ARTICLES.field("content").orElseThrow()))
                .isZero();
        assertThatThrownBy(() -> some.query("true", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customFieldsAreReadFromTheirJsonbKeyTypedByKindAndTheGroupReadsNothing() {
        List<CustomFieldDefinition> definitions = List.of(
                new CustomFieldDefinition("plan", "Plan", CustomFieldKind.SELECT, 0),
                new CustomFieldDefinition("amount", "Amount", CustomFieldKind.NUMBER, 1),
                new CustomFieldDefinition("vip", "VIP", CustomFieldKind.BOOLEAN, 2));
        List<Field> fields = FieldSelection.parse(ResourceType.TICKETS, List.of("id", "customFields", "metadata"), "f")
                .resolve(definitions);
        SelectList select = SelectList.of(ResourceTable.TICKETS, fields);
        assertThat(select.columns())
                .isEqualTo("created_at, id, ((custom_fields ->> 'plan'))::text AS c3, "
                        + "((custom_fields -> 'amount')::numeric)::text AS c4, "
                        + "((custom_fields -> 'vip')::boolean)::boolean AS c5, (metadata)::text AS c6");
        assertThat(select.column(fields.get(2))).isEqualTo(3);
        assertThat(select.column(ResourceType.TICKETS.field("customFields").orElseThrow()))
                .isZero();
        assertThatThrownBy(() -> ResourceTable.ARTICLES.customValue(definitions.get(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFieldsColumnIsItsNameInSnakeCaseAndOnlyExpressionsAreWrittenOut() {
        assertThat(ResourceTable.columnName("customerId")).isEqualTo("customer_id");
        assertThat(ResourceTable.columnName("isPublic")).isEqualTo("is_public");
        assertThat(ResourceTable.columnName("seoDescription")).isEqualTo("seo_description");
        assertThat(ResourceTable.columnName("id")).isEqualTo("id");
        assertThat(ResourceTable.TICKETS.table()).isEqualTo("tickets");
        assertThat(ResourceTable.TICKETS.column("resolutionDeadline")).isEqualTo("resolution_deadline");
        assertThat(ResourceTable.MESSAGES.column("senderName")).isEqualTo("sender_name");
        assertThat(ResourceTable.MESSAGES.column("authorId")).startsWith("CASE sender WHEN 'agent'");
        for (ResourceTable table : ResourceTable.values()) {
            assertThat(table.table()).isEqualTo(table.type().wireName());
            for (Field field : table.type().fields()) {
                if (!(table == ResourceTable.MESSAGES && field.name().equals("authorId"))) {
                    assertThat(table.columnOf(field.index()))
                            .as("%s.%s", table, field.name())
                            .isEqualTo(ResourceTable.columnName(field.name()));
                }
            }
        }
    }

    @Test
    void membersAreScopedByTeamOnlyAndMessagesByTeamAndMode() {
        Scope scope = new Scope(new TeamId(new UUID(3, 4)), Mode.TEST);
        ResourceSql members = ResourceSql.of(
                scope,
                new ResourceQuery(
                        ResourceType.MEMBERS,
                        ResourceFilters.none(ResourceType.MEMBERS),
                        ResourceType.MEMBERS.fields(),
                        Optional.empty(),
                        10));
        assertThat(members.rows(SelectList.all(ResourceTable.MEMBERS), 10))
                .contains("FROM members WHERE team_id = current_setting('helpdesk_export.v1')::uuid ORDER BY")
                .doesNotContain("mode");
        ResourceSql messages = ResourceSql.of(
                scope,
                new ResourceQuery(
                        ResourceType.MESSAGES,
                        ResourceFilters.none(ResourceType.MESSAGES),
                        ResourceType.MESSAGES.fields(),
                        Optional.empty(),
                        10));
        assertThat(messages.rows(SelectList.all(ResourceTable.MESSAGES), 10))
                .contains("FROM messages WHERE team_id = current_setting('helpdesk_export.v1')::uuid AND mode"
                        + " = current_setting('helpdesk_export.v2') ORDER BY");
    }
}
