package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns one query reads: the order key ({@code created_at}, {@code id}) as columns 1 and 2, the bytes of the
 * rows ahead as columns 3 and 4, then the column of each exported field not already among them, so that a query reads
 * no column the export does not write. {@link #column(int)} says where each exported field is.
 *
 * <p>A row's size is what its columns take on the wire, near enough: the byte length of each text
 * ({@code octet_length}, which PostgreSQL answers from the value's header without decompressing it), the stored size
 * of each array and JSON object, 16 bytes for any other column. Columns 3 and 4 are moving sums of it over this row and the
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
    /** Per custom field key, its column (1-based). */
    private final Map<String, Integer> columnOfCustom;

    private SelectList(
            ResourceTable table,
            String sql,
            int columnCount,
            int[] columnOfField,
            Map<String, Integer> columnOfCustom) {
        this.table = table;
        this.sql = sql;
        this.columnCount = columnCount;
        this.columnOfField = columnOfField;
        this.columnOfCustom = columnOfCustom;
    }

    /** The columns of these fields (custom fields among them; the group {@code customFields} itself reads nothing). */
    static SelectList of(ResourceTable table, List<Field> fields) {
        List<String> read = new ArrayList<>(List.of("created_at", "id"));
        List<FieldKind> kinds = new ArrayList<>(List.of(FieldKind.TIMESTAMP, FieldKind.ID));
        int[] columnOfField = new int[table.fieldCount()];
        Map<String, Integer> columnOfCustom = new HashMap<>();
        for (Field field : fields) {
            if (field.kind() == FieldKind.CUSTOM) {
                continue;
            }
            String column = field.isCustom() ? table.customValue(field.custom()) : table.columnOf(field.index());
            int at = read.indexOf(column);
            if (at < 0) {
                read.add(column);
                kinds.add(field.kind());
                at = read.size() - 1;
            }
            // columns 3 and 4 hold the bytes ahead: the fields' columns come after them
            int position = at < 2 ? at + 1 : at + 1 + AHEAD.length;
            if (field.isCustom()) {
                columnOfCustom.put(field.custom().key(), position);
            } else {
                columnOfField[field.index()] = position;
            }
        }
        StringBuilder sql = new StringBuilder("created_at, id");
        String bytes = rowBytes(read, kinds);
        for (int rows : AHEAD) {
            sql.append(", sum")
                    .append(bytes)
                    .append(" OVER (ORDER BY created_at, id ROWS BETWEEN CURRENT ROW AND ")
                    .append(rows - 1)
                    .append(" FOLLOWING) AS ahead_")
                    .append(rows);
        }
        for (String column : read.subList(2, read.size())) {
            sql.append(", ").append(column);
        }
        return new SelectList(
                table,
                sql.toString(),
                FIRST_FIELD_COLUMN - 1 + read.size() - 2,
                columnOfField,
                Map.copyOf(columnOfCustom));
    }

    /** Every field of the type, custom fields left out, for tests and tools that read whole rows. */
    static SelectList all(ResourceTable table) {
        return of(table, table.type().fields());
    }

    /** The SQL expression of the row's size over the columns read. */
    private static String rowBytes(List<String> columns, List<FieldKind> kinds) {
        StringBuilder sum = new StringBuilder("(");
        int fixed = 0;
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            switch (kinds.get(i)) {
                case TEXT, ENUM, REF, DATE ->
                    sum.append("coalesce(octet_length(").append(column).append("), 0) + ");
                case TAGS, OBJECT ->
                    sum.append("pg_column_size(").append(column).append(") + ");
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

    /** The column of a field (of the type, or a custom field), or 0 when this list does not read it. */
    int column(Field field) {
        if (field.isCustom()) {
            Integer column = columnOfCustom.get(field.custom().key());
            return column == null ? 0 : column;
        }
        int fieldIndex = field.index();
        return fieldIndex >= 0 && fieldIndex < columnOfField.length ? columnOfField[fieldIndex] : 0;
    }

    @Override
    public String toString() {
        return "SelectList[" + sql + "]";
    }
}
