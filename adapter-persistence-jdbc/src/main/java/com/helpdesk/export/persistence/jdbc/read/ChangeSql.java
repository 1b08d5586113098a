package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.domain.model.ChangeQuery;
import com.helpdesk.export.domain.model.FeedPosition;
import com.helpdesk.export.domain.model.Scope;

/**
 * The SQL of one page of a change feed: the table's rows and the tombstones of the feed (the scope's team, its mode
 * for every type but members, the query's type) whose (change_stamp, id) lies after the position and whose stamp is
 * below the horizon, each side read from its (team, mode, change_stamp, id) index in that order and at most the limit,
 * merged in the same order. A feed holds a record's row or its tombstone, never both (the triggers keep it so), so
 * (change_stamp, id) orders a feed's entries strictly. Every value is bound ({@link BoundValues}).
 */
final class ChangeSql {

    /** The table of deleted records' tombstones. */
    static final String TOMBSTONES = "change_tombstones";

    private final ResourceTable table;
    private final String rowsWhere;
    private final String tombstonesWhere;
    private final BoundValues values;

    private ChangeSql(ResourceTable table, String rowsWhere, String tombstonesWhere, BoundValues values) {
        this.table = table;
        this.rowsWhere = rowsWhere;
        this.tombstonesWhere = tombstonesWhere;
        this.values = values;
    }

    static ChangeSql of(Scope scope, ChangeQuery query) {
        ResourceTable table = ResourceTable.of(query.type());
        BoundValues values = new BoundValues();
        String team = values.uuid(scope.team().value());
        String mode = table.scopedByMode() ? values.text(scope.mode().wireName()) : null;
        StringBuilder feed = new StringBuilder();
        FeedPosition after = query.after();
        if (after.id().isPresent()) {
            feed.append(" AND (change_stamp, id) > (")
                    .append(values.xid8(after.stamp()))
                    .append(", ")
                    .append(values.uuid(after.id().get()))
                    .append(')');
        } else if (after.stamp() > 0) {
            feed.append(" AND change_stamp >= ").append(values.xid8(after.stamp()));
        }
        feed.append(" AND change_stamp < ").append(values.xid8(query.horizon()));
        String rows = "team_id = " + team + (mode == null ? "" : " AND mode = " + mode) + feed;
        String tombstones =
                "team_id = " + team + " AND type = " + values.text(query.type().wireName())
                        + (mode == null ? " AND mode IS NULL" : " AND mode = " + mode) + feed;
        return new ChangeSql(table, rows, tombstones, values);
    }

    ResourceTable table() {
        return table;
    }

    BoundValues values() {
        return values;
    }

    /**
     * The page, at most {@code limit} entries, as {@code columns} lays them out ({@link SelectList#ofChanges}): rows
     * with a null deletion time, tombstones with null fields.
     */
    String page(SelectList columns, int limit) {
        if (columns.table() != table) {
            throw new IllegalArgumentException("columns of " + columns.table() + " for a feed of " + table);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        // the limit is the row-limit policy's number (plus one), never a request's text
        String order = " ORDER BY change_stamp, id LIMIT " + limit;
        return "SELECT deleted_at, id, stamp" + columns.fieldColumnNames() + " FROM ("
                + "(SELECT NULL::timestamptz AS deleted_at, id, change_stamp::text AS stamp, change_stamp"
                + columns.fieldColumns(false) + " FROM " + table.table() + " WHERE " + rowsWhere + order + ")"
                + " UNION ALL "
                + "(SELECT deleted_at, id, change_stamp::text AS stamp, change_stamp" + columns.fieldColumns(true)
                + " FROM "
                + TOMBSTONES + " WHERE " + tombstonesWhere + order + ")"
                + ") AS feed ORDER BY change_stamp, id LIMIT " + limit;
    }
}
