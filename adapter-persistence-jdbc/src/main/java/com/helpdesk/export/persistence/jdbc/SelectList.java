package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns one query reads and the statement that reads them: the order key ({@code created_at}, {@code id}) as
 * columns 1 and 2, the bytes of the rows ahead as columns 3 and 4, then the column of each exported field not already
 * among them, so that a query reads no column the export does not write. {@link #column(int)} says where each
 * exported field is.
 *
 * <p>A row's size is what its columns take on the wire, near enough: the byte length of each free text
 * ({@code octet_length}, which PostgreSQL answers from the value's header without decompressing it), the stored size
 * of each array and JSON object (for custom fields, of the object that holds them all), and a fixed 16 bytes for any
 * other column (ids, numbers, times, enumerated values, which CHECK constraints keep short) or 40 for a reference
 * written out ({@code mem_…}). Only variable-length columns are measured, so that sizing a row costs PostgreSQL
 * little more than reading it.
 *
 * <p>The statement ({@link #query}) reads the page in an inner query ({@code ORDER BY created_at, id LIMIT ?}, the
 * row's size computed once, as {@code row_bytes}) and the outer query adds columns 3 and 4: moving sums of
 * {@code row_bytes} over the rows that follow this one in the page ({@code sum(row_bytes) OVER (ORDER BY
 * created_at, id ROWS BETWEEN 1 FOLLOWING AND 1000 FOLLOWING)}, and 32; null after the last row). At the last row
 * of a fetch the reader knows what the next 1,000 or 32 rows take before it asks for them, and asks for as many as
 * fit its byte budget, also where small rows are followed by big ones. A moving sum costs PostgreSQL one addition and
 * one subtraction per row (a moving maximum would cost the whole frame per row); the rows ahead wait in the window's
 * own store (work_mem, then disk). Because the limit is inside, the windows never see rows past the page.
 */
final class SelectList {

    static final int CREATED_AT = 1;
    static final int ID = 2;
    /** The fetch sizes whose bytes each row reports, largest first, and the columns that report them. */
    static final int[] AHEAD = {1_000, 32};

    static final int FIRST_AHEAD_COLUMN = 3;
    private static final int FIRST_FIELD_COLUMN = FIRST_AHEAD_COLUMN + AHEAD.length;
    private static final int FIXED_COLUMN_BYTES = 16;
    /** A reference written out by the query: a four-character prefix and 32 hex digits. */
    private static final int REFERENCE_BYTES = 40;

    private static final String ORDER = "ORDER BY created_at, id";

    private final ResourceTable table;
    private final String inner;
    private final String outer;
    private final int columnCount;
    /** Per field index of the type, its column (1-based), or 0 when the field is not read. */
    private final int[] columnOfField;
    /** Per custom field key, its column (1-based). */
    private final Map<String, Integer> columnOfCustom;

    private SelectList(
            ResourceTable table,
            String inner,
            String outer,
            int columnCount,
            int[] columnOfField,
            Map<String, Integer> columnOfCustom) {
        this.table = table;
        this.inner = inner;
        this.outer = outer;
        this.columnCount = columnCount;
        this.columnOfField = columnOfField;
        this.columnOfCustom = columnOfCustom;
    }

    /** The columns of these fields (custom fields among them; the group {@code customFields} itself reads nothing). */
    static SelectList of(ResourceTable table, List<Field> fields) {
        List<String> read = new ArrayList<>(List.of("created_at", "id"));
        int[] columnOfField = new int[table.fieldCount()];
        Map<String, Integer> columnOfCustom = new HashMap<>();
        List<String> measured = new ArrayList<>();
        int fixed = 2 * FIXED_COLUMN_BYTES;
        boolean customRead = false;
        for (Field field : fields) {
            if (field.kind() == FieldKind.CUSTOM) {
                continue;
            }
            String column = field.isCustom() ? table.customValue(field.custom()) : table.columnOf(field.index());
            int at = read.indexOf(column);
            if (at < 0) {
                read.add(column);
                at = read.size() - 1;
                if (field.isCustom()) {
                    customRead = true;
                } else {
                    switch (field.kind()) {
                        case TEXT -> measured.add("coalesce(octet_length(" + column + "), 0)");
                        case TAGS, OBJECT -> measured.add("pg_column_size(" + column + ")");
                        case REF -> fixed += REFERENCE_BYTES;
                        default -> fixed += FIXED_COLUMN_BYTES;
                    }
                }
            }
            // columns 3 and 4 hold the bytes ahead: the fields' columns come after them
            int position = at < 2 ? at + 1 : at + 1 + AHEAD.length;
            if (field.isCustom()) {
                columnOfCustom.put(field.custom().key(), position);
            } else {
                columnOfField[field.index()] = position;
            }
        }
        if (customRead) {
            // every custom value comes out of one jsonb object (never null): its stored size bounds them together
            measured.add("pg_column_size(" + ResourceTable.CUSTOM_FIELDS + ")");
        }
        StringBuilder bytes = new StringBuilder();
        for (String term : measured) {
            bytes.append(term).append(" + ");
        }
        bytes.append(fixed);
        StringBuilder inner =
                new StringBuilder("created_at, id, ").append(bytes).append(" AS row_bytes");
        StringBuilder outer = new StringBuilder("created_at, id");
        for (int rows : AHEAD) {
            outer.append(", sum(row_bytes) OVER (")
                    .append(ORDER)
                    .append(" ROWS BETWEEN 1 FOLLOWING AND ")
                    .append(rows)
                    .append(" FOLLOWING) AS ahead_")
                    .append(rows);
        }
        for (int i = 2; i < read.size(); i++) {
            String alias = "c" + (i + 1 + AHEAD.length);
            inner.append(", ").append(read.get(i)).append(" AS ").append(alias);
            outer.append(", ").append(alias);
        }
        return new SelectList(
                table,
                inner.toString(),
                outer.toString(),
                FIRST_FIELD_COLUMN - 1 + read.size() - 2,
                columnOfField,
                Map.copyOf(columnOfCustom));
    }

    /** Every field of the type, custom fields left out, for tests and tools that read whole rows. */
    static SelectList all(ResourceTable table) {
        return of(table, table.type().fields());
    }

    /**
     * The statement that reads a page of these columns from the table: the rows matching {@code where}, in the
     * export's order, at most as many as its last parameter ({@code LIMIT ?}) says, with the bytes ahead.
     */
    String query(String where) {
        return "SELECT " + outer + " FROM (SELECT " + inner + " FROM " + table.table() + " WHERE " + where + " " + ORDER
                + " LIMIT ?) AS page " + ORDER;
    }

    /** The inner select list: the order key, {@code row_bytes}, then each column read under its alias. */
    String inner() {
        return inner;
    }

    ResourceTable table() {
        return table;
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
        return "SelectList[" + inner + "]";
    }
}
