package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns one query reads: the order key ({@code created_at}, {@code id}) as columns 1 and 2, the row's size in
 * bytes as column 3, then the column of each exported field not already among them, so that a query reads no column
 * the export does not write. {@link #column(int)} says where each exported field is.
 *
 * <p>The size is what the row's columns take on the wire, near enough: the byte length of each text
 * ({@code octet_length}, which PostgreSQL answers from the value's header without decompressing it), the stored size
 * of each array, 16 bytes for any other column. The reader sizes its fetches by it, so that what the driver holds at
 * once stays within a byte budget whatever the rows hold.
 */
final class SelectList {

    static final int CREATED_AT = 1;
    static final int ID = 2;
    static final int ROW_BYTES = 3;
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
            columnOfField[field.index()] = ROW_BYTES + 1 + at;
        }
        read.addAll(rest);
        String sql = "created_at, id, " + rowBytes(table, read) + " AS row_bytes"
                + (rest.isEmpty() ? "" : ", " + String.join(", ", rest));
        return new SelectList(table, sql, ROW_BYTES + rest.size(), columnOfField);
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
