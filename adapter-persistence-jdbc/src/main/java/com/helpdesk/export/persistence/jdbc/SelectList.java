package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns one query reads: the order key ({@code created_at}, {@code id}) as columns 1 and 2, the bytes of the
 * rows ahead as columns 3 and 4, then the column of each exported field not already among them, so that a query reads
 * no column the export does not write. {@link #column(int)} says where each exported field is.
 *
 * <p>A row's size is what its columns take on the wire, near enough: the byte length of each text
 * ({@code octet_length}, which PostgreSQL answers from the value's header without decompressing it), the stored size
 * of each array, 16 bytes for any other column. Columns 3 and 4 are moving sums of it over this row and the
 * rows that follow it ({@code sum(...) OVER (ORDER BY created_at, id ROWS BETWEEN CURRENT ROW AND 999 FOLLOWING)},
 * and 31): at the last row of a fetch the reader knows what the next 1,000 or 32 rows take before it asks for them, and asks for as many as fit its byte budget, also where small rows are followed by
 * big ones. A moving sum costs PostgreSQL one addition and one subtraction per row (a moving maximum would cost the
 * whole frame per row); the rows ahead wait in the window's own store (work_mem, then disk).
 */
final class SelectList {

    static final int CREATED_AT = 1;
    static final int ID = 2;
    /** The fetch sizes whose bytes each row reports, largest first, and the columns that report them. */
    static final int[] AHEAD = {1_000, 32};
    static final int FIRST_AHEAD_COLUMN = 3;
    private static final int FIRST_FIELD_COLUMN = FIRST_AHEAD_COLUMN + AHEAD.length;
    private static final int FIXED_COLUMN_BYTES = 16;

    private final ResourceTable table;
    private final String sql;
    private final int columnCount;
    /** Per field index of the type, its column (1-based), or 0 when the field is not read. */
    private final int[] columnOfField;

    private SelectList(ResourceTable table, String sql, int columnCount, int[] columnOfField) {
        this.table = table;
        this.sql = sql;
        this.columnCount = columnCount;
        this.columnOfField = columnOfField;
    }

    static SelectList of(ResourceTable table, List<Field> fields) {
        List<String> read = new ArrayList<>(List.of("created_at", "id"));
        List<String> rest = new ArrayList<>();
        int[] columnOfField = new int[table.fieldCount()];
        for (Field field : fields) {
            String column = table.column(field.name());
            int key = read.indexOf(column);
            if (key >= 0) {
                columnOfField[field.index()] = key + 1;
                continue;
            }
            int at = rest.indexOf(column);
            if (at < 0) {
                rest.add(column);
                at = rest.size() - 1;
            }
            columnOfField[field.index()] = FIRST_FIELD_COLUMN + at;
        }
        read.addAll(rest);
        StringBuilder sql = new StringBuilder("created_at, id");
        String bytes = rowBytes(table, read);
        for (int rows : AHEAD) {
            sql.append(", sum").append(bytes).append(" OVER (ORDER BY created_at, id ROWS BETWEEN CURRENT ROW AND ")
                    .append(rows - 1).append(" FOLLOWING) AS ahead_").append(rows);
        }
        for (String column : rest) {
            sql.append(", ").append(column);
        }
        return new SelectList(table, sql.toString(), FIRST_FIELD_COLUMN - 1 + rest.size(), columnOfField);
    }

    /** Every field of the type, for tests and tools that read whole rows. */
    static SelectList all(ResourceTable table) {
        return of(table, table.type().fields());
    }

    /** The SQL expression of the row's size over the columns read. */
    private static String rowBytes(ResourceTable table, List<String> columns) {
        StringBuilder sum = new StringBuilder("(");
        int fixed = 0;
        for (String column : columns) {
            switch (table.kindOfColumn(column)) {
                case TEXT, ENUM -> sum.append("coalesce(octet_length(").append(column).append("), 0) + ");
                case TAGS -> sum.append("pg_column_size(").append(column).append(") + ");
                default -> fixed += FIXED_COLUMN_BYTES;
            }
        }
        return sum.append(fixed).append(')').toString();
    }

    ResourceTable table() {
        return table;
    }

    String sql() {
        return sql;
    }

    int columnCount() {
        return columnCount;
    }

    /** The column of the field at {@code fieldIndex} of the type, or 0 when this list does not read it. */
    int column(int fieldIndex) {
        return fieldIndex >= 0 && fieldIndex < columnOfField.length ? columnOfField[fieldIndex] : 0;
    }

    @Override
    public String toString() {
        return "SelectList[" + sql + "]";
    }
}
