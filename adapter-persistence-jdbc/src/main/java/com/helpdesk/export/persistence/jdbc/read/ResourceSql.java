package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.FilterCondition;
import com.helpdesk.export.domain.model.FilterDefinition;
import com.helpdesk.export.domain.model.FilterKind;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.Scope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Builds the SQL of one resource query. The WHERE clause always starts with the scope (the team, and the mode for
 * every type but members, which both modes see), then the keyset continuation after the cursor, then one predicate
 * per filter condition (combined with AND). Identifiers come from {@link ResourceTable} only; every value, the
 * scope's included, is bound ({@link BoundValues}): the text depends only on the query's shape.
 */
final class ResourceSql {

    /** Letters or digits in a row that make a trigram pg_trgm can look up (its trigrams are three characters). */
    static final int TRIGRAM = 3;

    private final ResourceTable table;
    private final String where;
    private final BoundValues values;
    private final boolean unindexedSearch;

    private ResourceSql(ResourceTable table, String where, BoundValues values, boolean unindexedSearch) {
        this.table = table;
        this.where = where;
        this.values = values;
        this.unindexedSearch = unindexedSearch;
    }

    static ResourceSql of(Scope scope, ResourceQuery query) {
        ResourceTable table = ResourceTable.of(query.type());
        BoundValues values = new BoundValues();
        StringBuilder where =
                new StringBuilder("team_id = ").append(values.uuid(scope.team().value()));
        if (table.scopedByMode()) {
            where.append(" AND mode = ").append(values.text(scope.mode().wireName()));
        }
        if (query.after().isPresent()) {
            Cursor cursor = query.after().get();
            where.append(" AND (created_at, id) > (")
                    .append(values.timestamptz(cursor.createdAt()))
                    .append(", ")
                    .append(values.uuid(cursor.id()))
                    .append(')');
        }
        boolean unindexedSearch = false;
        for (FilterCondition condition : query.filters().conditions()) {
            where.append(" AND ");
            appendCondition(table, condition, where, values);
            unindexedSearch |= condition instanceof FilterCondition.Text text
                    && text.definition().kind() == FilterKind.SEARCH
                    && !hasTrigram(text.text());
        }
        return new ResourceSql(table, where.toString(), values, unindexedSearch);
    }

    ResourceTable table() {
        return table;
    }

    /** The values the statement reads, to be bound before it runs. */
    BoundValues values() {
        return values;
    }

    /**
     * Whether the query searches for a term that holds no trigram: no index can find its rows, so the team's rows are
     * read in order and each is checked, up to the whole team when the term is rare.
     */
    boolean unindexedSearch() {
        return unindexedSearch;
    }

    /**
     * Whether pg_trgm can make a trigram of {@code term} to look up: only a run of {@value #TRIGRAM} letters or
     * digits (its word characters) gives one a pattern search can use; {@code ---}, {@code a.b.c} or a one- or
     * two-character term give none, and the trigram index would then hand back every row of the team to be checked.
     */
    static boolean hasTrigram(String term) {
        int run = 0;
        for (int i = 0; i < term.length(); ) {
            int c = term.codePointAt(i);
            run = Character.isLetterOrDigit(c) ? run + 1 : 0;
            if (run >= TRIGRAM) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
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

    private static void appendCondition(
            ResourceTable table, FilterCondition condition, StringBuilder where, BoundValues values) {
        FilterDefinition definition = condition.definition();
        String column = table.column(definition.targets().get(0));
        if (condition instanceof FilterCondition.AnyOf anyOf) {
            if (anyOf.values().size() == 1) {
                // "= v" rather than "= ANY (…)" of one value: the planner then reads the (team, mode, column,
                // created_at, id) index in the export's order and stops at the limit, instead of fetching every
                // match and sorting them
                where.append(column)
                        .append(" = ")
                        .append(values.text(anyOf.values().get(0)));
            } else {
                where.append(column)
                        .append(" = ANY (")
                        .append(values.textArray(anyOf.values()))
                        .append(')');
            }
        } else if (condition instanceof FilterCondition.IdEquals idEquals) {
            where.append(column).append(" = ").append(values.uuid(idEquals.id()));
        } else if (condition instanceof FilterCondition.Text text) {
            appendText(table, text, where, values);
        } else if (condition instanceof FilterCondition.BooleanEquals bool) {
            where.append(column).append(" = ").append(values.bool(bool.value()));
        } else if (condition instanceof FilterCondition.TimeBound bound) {
            String instant = values.timestamptz(ceilToMicros(bound.instant()));
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

    private static void appendText(
            ResourceTable table, FilterCondition.Text condition, StringBuilder where, BoundValues values) {
        FilterDefinition definition = condition.definition();
        String text = condition.text();
        switch (definition.kind()) {
            case TEXT_EQUALS ->
                where.append(table.column(definition.targets().get(0)))
                        .append(" = ")
                        .append(values.text(text));
            case HAS_TAG ->
                // "@>" (array contains) rather than "= ANY (tags)": the GIN index on tags serves it
                where.append(table.column(definition.targets().get(0)))
                        .append(" @> ")
                        .append(values.textArray(List.of(text)));
            case SEARCH -> {
                String pattern = values.text("%" + escapeLike(text) + "%");
                // A term without a trigram (hasTrigram): the trigram index could only hand back every row of the
                // team to be checked again (24 s for a million rows, cold). "column || ''" keeps such a term off
                // that index, so the team's order index is read instead and stops at the page's end; the reader
                // gives such a read its own, smaller time budget.
                String suffix = hasTrigram(text) ? "" : " || ''";
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
