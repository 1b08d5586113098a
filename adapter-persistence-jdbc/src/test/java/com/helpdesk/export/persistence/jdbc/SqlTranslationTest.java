package com.helpdesk.export.persistence.jdbc;

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
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.ResourceQuery;
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
    void valuesNeverReachTheSqlText() {
        ResourceType type = ResourceType.TICKETS;
        String evil = "' OR 1=1 --";
        ResourceFilters filters = new ResourceFilters(
                type,
                List.of(
                        new FilterCondition.Text(type.filters().get("search"), evil),
                        new FilterCondition.Text(type.filters().get("tag"), "x');DROP--"),
                        new FilterCondition.AnyOf(type.filters().get("status"), List.of("open")),
                        new FilterCondition.IdEquals(type.filters().get("customerId"), new UUID(1, 2)),
                        new FilterCondition.TimeBound(type.filters().get("createdAfter"), Instant.EPOCH)));
        Scope scope = new Scope(new TeamId(new UUID(3, 4)), Mode.TEST);

        ResourceSql sql = ResourceSql.of(scope, new ResourceQuery(type, filters, type.fields(), Optional.empty(), 10));
        SqlStatement statement = sql.rows(SelectList.all(ResourceTable.TICKETS), 10);

        assertThat(statement.sql())
                .doesNotContain(
                        evil, "DROP", "open", new UUID(1, 2).toString(), new UUID(3, 4).toString(), "test", "1970")
                .startsWith("SELECT")
                .contains("team_id = ? AND mode = ?")
                .endsWith("ORDER BY created_at, id LIMIT ?) AS page ORDER BY created_at, id");
        assertThat(statement.parameters()).hasSize(2 + 5 + 1);
    }

    @Test
    void aQueryReadsTheOrderKeyTheRowSizeAndOnlyTheColumnsOfItsFields() {
        ResourceTable articles = ResourceTable.ARTICLES;
        SelectList idOnly = SelectList.of(articles, ResourceType.ARTICLES.selectFields(List.of("id"), "fields"));
        assertThat(idOnly.query("team_id = ?"))
                .isEqualTo("SELECT created_at, id, "
                        + "sum(row_bytes) OVER (ORDER BY created_at, id ROWS BETWEEN 1 FOLLOWING AND 1000 FOLLOWING)"
                        + " AS ahead_1000, "
                        + "sum(row_bytes) OVER (ORDER BY created_at, id ROWS BETWEEN 1 FOLLOWING AND 32 FOLLOWING)"
                        + " AS ahead_32 "
                        + "FROM (SELECT created_at, id, 32 AS row_bytes FROM articles WHERE team_id = ?"
                        + " ORDER BY created_at, id LIMIT ?) AS page ORDER BY created_at, id");
        assertThat(idOnly.column(ResourceType.ARTICLES.field("id").orElseThrow()))
                .isEqualTo(SelectList.ID);
        assertThat(idOnly.columnCount()).isEqualTo(4);

        SelectList some = SelectList.of(
                articles, ResourceType.ARTICLES.selectFields(List.of("tags", "title", "createdAt"), "fields"));
        assertThat(some.inner())
                .isEqualTo("created_at, id, pg_column_size(tags) + coalesce(octet_length(title), 0) + 32 AS row_bytes, "
                        + "tags AS c5, title AS c6");
        assertThat(some.query("true")).doesNotContain("content").contains(" AS ahead_32, c5, c6 FROM (");
        assertThat(some.column(ResourceType.ARTICLES.field("tags").orElseThrow()))
                .isEqualTo(5);
        assertThat(some.column(ResourceType.ARTICLES.field("title").orElseThrow()))
                .isEqualTo(6);
        assertThat(some.column(ResourceType.ARTICLES.field("createdAt").orElseThrow()))
                .isEqualTo(SelectList.CREATED_AT);
        assertThat(some.column(ResourceType.ARTICLES.field("content").orElseThrow()))
                .isZero();
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
        assertThat(select.inner())
                .isEqualTo("created_at, id, pg_column_size(metadata) + pg_column_size(custom_fields) + 32"
                        + " AS row_bytes, (custom_fields ->> 'plan') AS c5, (custom_fields -> 'amount')::numeric AS c6, "
                        + "(custom_fields -> 'vip')::boolean AS c7, metadata AS c8");
        assertThat(select.column(fields.get(2))).isEqualTo(5);
        assertThat(select.column(ResourceType.TICKETS.field("customFields").orElseThrow()))
                .isZero();
        assertThatThrownBy(() -> ResourceTable.ARTICLES.customValue(definitions.get(0)))
                .isInstanceOf(IllegalArgumentException.class);
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
        assertThat(members.rows(SelectList.all(ResourceTable.MEMBERS), 10).sql())
                .contains("FROM members WHERE team_id = ? ORDER BY")
                .doesNotContain("mode");
        ResourceSql messages = ResourceSql.of(
                scope,
                new ResourceQuery(
                        ResourceType.MESSAGES,
                        ResourceFilters.none(ResourceType.MESSAGES),
                        ResourceType.MESSAGES.fields(),
                        Optional.empty(),
                        10));
        assertThat(messages.rows(SelectList.all(ResourceTable.MESSAGES), 10).sql())
                .contains("FROM messages WHERE team_id = ? AND mode = ? ORDER BY");
    }
}
