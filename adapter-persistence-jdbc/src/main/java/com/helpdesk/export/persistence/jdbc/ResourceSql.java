package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.FilterCondition;
import com.helpdesk.export.domain.model.FilterDefinition;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.port.ResourceQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Builds the SQL of one resource query. The WHERE clause always starts with the scope (the team, and the mode for
 * every type but members, which both modes see), then the keyset continuation after the cursor, then one predicate
 * per filter condition (combined with AND). Identifiers come from {@link ResourceTable} only; every value is a typed
 * literal written by {@link SqlLiteral} (the statement is streamed by {@code COPY}, which takes no parameters).
 */
final class ResourceSql {

    /** The shortest search term the trigram indexes can serve (pg_trgm's trigrams are three characters). */
    static final int MIN_TRIGRAM_TERM = 3;

    private final ResourceTable table;
    private final String where;

    private ResourceSql(ResourceTable table, String where) {
        this.table = table;
        this.where = where;
    }

    static ResourceSql of(Scope scope, ResourceQuery query) {
        ResourceTable table = ResourceTable.of(query.type());
        StringBuilder where = new StringBuilder("team_id = ")
                .append(SqlLiteral.uuid(scope.team().value()));
        if (table.scopedByMode()) {
            where.append(" AND mode = ").append(SqlLiteral.text(scope.mode().wireName()));
        }
        if (query.after().isPresent()) {
            Cursor cursor = query.after().get();
            where.append(" AND (created_at, id) > (")
                    .append(SqlLiteral.timestamptz(cursor.createdAt()))
                    .append(", ")
                    .append(SqlLiteral.uuid(cursor.id()))
                    .append(')');
        }
        for (FilterCondition condition : query.filters().conditions()) {
            where.append(" AND ");
            appendCondition(table, condition, where);
        }
        return new ResourceSql(table, where.toString());
    }

    ResourceTable table() {
        return table;
    }

    /**
     * The rows themselves, at most {@code limit}: the order key first ({@code created_at, id} as columns 1 and 2),
     * then the columns of {@code columns} (the statement's shape is {@link SelectList#query}'s).
     */
    String rows(SelectList columns, int limit) {
        if (columns.table() != table) {
            throw new IllegalArgumentException("columns of " + columns.table() + " for a query of " + table);
        }
        return columns.query(where, limit);
    }

    private static void appendCondition(ResourceTable table, FilterCondition condition, StringBuilder where) {
        FilterDefinition definition = condition.definition();
        String column = table.column(definition.targets().get(0));
        if (condition instanceof FilterCondition.AnyOf anyOf) {
            List<String> values = anyOf.values();
            if (values.size() == 1) {
                // "= v" rather than "= ANY (…)" of one value: the planner then reads the (team, mode, column,
                // created_at, id) index in the export's order and stops at the limit, instead of fetching every
                // match and sorting them
                where.append(column).append(" = ").append(SqlLiteral.text(values.get(0)));
            } else {
                where.append(column)
                        .append(" = ANY (")
                        .append(SqlLiteral.textArray(values))
                        .append(')');
            }
        } else if (condition instanceof FilterCondition.IdEquals idEquals) {
            where.append(column).append(" = ").append(SqlLiteral.uuid(idEquals.id()));
        } else if (condition instanceof FilterCondition.Text text) {
            appendText(table, text, where);
        } else if (condition instanceof FilterCondition.BooleanEquals bool) {
            where.append(column).append(" = ").append(SqlLiteral.bool(bool.value()));
        } else if (condition instanceof FilterCondition.TimeBound bound) {
            String instant = SqlLiteral.timestamptz(ceilToMicros(bound.instant()));
            switch (definition.kind()) {
                case AT_OR_AFTER -> where.append(column).append(" >= ").append(instant);
                case BEFORE -> where.append(column).append(" < ").append(instant);
                default -> throw new IllegalArgumentException("not a time filter: " + definition.name());
            }
        } else {
            throw new IllegalArgumentException(
                    "unsupported filter condition: " + condition.getClass().getName());
        }
    }

    private static void appendText(ResourceTable table, FilterCondition.Text condition, StringBuilder where) {
        FilterDefinition definition = condition.definition();
        String text = condition.text();
        switch (definition.kind()) {
            case TEXT_EQUALS ->
                where.append(table.column(definition.targets().get(0)))
                        .append(" = ")
                        .append(SqlLiteral.text(text));
            case HAS_TAG ->
                // "@>" (array contains) rather than "= ANY (tags)": the GIN index on tags serves it
                where.append(table.column(definition.targets().get(0)))
                        .append(" @> ")
                        .append(SqlLiteral.textArray(List.of(text)));
            case SEARCH -> {
                String pattern = SqlLiteral.text("%" + escapeLike(text) + "%");
                // A term of one or two characters holds no trigram: the trigram index could only hand back every
                // row of the team to be checked again (24 s for a million rows, cold). "column || ''" keeps such a
                // term off that index, so the team's order index is read instead and stops at the page's end.
                String suffix = text.codePointCount(0, text.length()) < MIN_TRIGRAM_TERM ? " || ''" : "";
                where.append('(');
                for (int t = 0; t < definition.targets().size(); t++) {
                    if (t > 0) {
                        where.append(" OR ");
                    }
                    where.append(table.column(definition.targets().get(t)))
                            .append(suffix)
                            .append(" ILIKE ")
                            .append(pattern)
                            .append(" ESCAPE E'\\\\'");
                }
                where.append(')');
            }
            default -> throw new IllegalArgumentException("not a text filter: " + definition.name());
        }
    }
    /** The user's text taken literally inside a LIKE pattern: {@code \}, {@code %} and {@code _} escaped. */
    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * PostgreSQL keeps microseconds and would round a finer instant to the nearest one, which could let a row
     * just before an inclusive lower bound in. Rounding up keeps both bounds exact: for a stored (microsecond)
     * time t and any bound b, {@code t >= b} iff {@code t >= ceil(b)}, and {@code t < b} iff {@code t < ceil(b)}.
     */
    static Instant ceilToMicros(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return truncated.equals(instant) ? instant : truncated.plus(1, ChronoUnit.MICROS);
    }
}
