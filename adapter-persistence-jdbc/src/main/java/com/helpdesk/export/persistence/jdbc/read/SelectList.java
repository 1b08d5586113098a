package com.helpdesk.export.persistence.jdbc.read;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns one query reads and the statement that reads them: the order key ({@code created_at}, {@code id}) as
 * columns 1 and 2, then the column of each exported field not already among them, so that a query reads no column
 * the export does not write. {@link #column(Field)} says where each exported field is, {@link #kind(int)} what it
 * holds.
 *
 * <p>The rows come in {@code COPY}'s binary format, which names no types ({@link BinaryCopy}): so every field
 * column is cast to the one PostgreSQL type its field's kind is decoded from ({@link CopyRow}): ids {@code uuid},
 * times {@code timestamptz}, tags {@code text[]}, integers {@code int4}, booleans {@code boolean}, and everything
 * else (text, enumerated values, references, numbers, dates, JSON objects) {@code text}. A cast to a column's own
 * type costs nothing; numbers, dates and JSON objects come as their text, which is what the fields' values are made
 * from (BigDecimal, LocalDate and the JSON text).
 */
final class SelectList {

    static final int CREATED_AT = 1;
    static final int ID = 2;

    private static final String ORDER = "ORDER BY created_at, id";

    private final ResourceTable table;
    private final String columns;
    /** Per column (0-based), the kind it is decoded as. */
    private final FieldKind[] kinds;
    /** Per field index of the type, its column (1-based), or 0 when the field is not read. */
    private final int[] columnOfField;
    /** Per custom field key, its column (1-based). */
    private final Map<String, Integer> columnOfCustom;
    /** The column or expression each column reads. */
    private final List<String> read;
    /** How many columns come before the fields' own. */
    private final int leading;

    private SelectList(
            ResourceTable table,
            String columns,
            FieldKind[] kinds,
            int[] columnOfField,
            Map<String, Integer> columnOfCustom,
            List<String> read,
            int leading) {
        this.read = List.copyOf(read);
        this.leading = leading;
        this.table = table;
        this.columns = columns;
        this.kinds = kinds;
        this.columnOfField = columnOfField;
        this.columnOfCustom = columnOfCustom;
    }

    /** The columns of these fields (custom fields among them; the group {@code customFields} itself reads nothing). */
    static SelectList of(ResourceTable table, List<Field> fields) {
        return of(table, fields, List.of("created_at", "id"), List.of(FieldKind.TIMESTAMP, FieldKind.ID));
    }

    /**
     * The columns of a change feed's page ({@link ChangeSql}): when the entry was deleted (null for a row's version),
     * the id, the stamp as text, then the fields' columns as {@link #of(ResourceTable, List)} lays them out.
     */
    static SelectList ofChanges(ResourceTable table, List<Field> fields) {
        return of(
                table,
                fields,
                List.of("deleted_at", "id", "stamp"),
                List.of(FieldKind.TIMESTAMP, FieldKind.ID, FieldKind.TEXT));
    }

    private static SelectList of(
            ResourceTable table, List<Field> fields, List<String> leading, List<FieldKind> leadingKinds) {
        List<String> read = new ArrayList<>(leading);
        List<FieldKind> kinds = new ArrayList<>(leadingKinds);
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
            } else if (kinds.get(at) != field.kind()) {
                throw new IllegalStateException(
                        "column " + column + " is read as " + kinds.get(at) + " and as " + field.kind());
            }
            if (field.isCustom()) {
                columnOfCustom.put(field.custom().key(), at + 1);
            } else {
                columnOfField[field.index()] = at + 1;
            }
        }
        StringBuilder select = new StringBuilder(String.join(", ", leading));
        for (int i = leading.size(); i < read.size(); i++) {
            select.append(", (")
                    .append(read.get(i))
                    .append(")::")
                    .append(type(kinds.get(i)))
                    .append(" AS c")
                    .append(i + 1);
        }
        return new SelectList(
                table,
                select.toString(),
                kinds.toArray(FieldKind[]::new),
                columnOfField,
                Map.copyOf(columnOfCustom),
                read,
                leading.size());
    }

    /** The PostgreSQL type a column of this kind is read as, which {@link CopyRow} decodes. */
    private static String type(FieldKind kind) {
        return switch (kind) {
            case ID -> "uuid";
            case TIMESTAMP -> "timestamptz";
            case TAGS -> "text[]";
            case INTEGER -> "int4";
            case BOOLEAN -> "boolean";
            case TEXT, ENUM, REF, OBJECT, NUMBER, DATE -> "text";
            case CUSTOM -> throw new IllegalArgumentException("the custom fields group is not a column");
        };
    }

    /**
     * The fields' columns (those after the leading ones), each as {@code (<expression>)::<type> AS c<n>}, or when
     * {@code asNull} each as a null of its type under the same name.
     */
    String fieldColumns(boolean asNull) {
        StringBuilder out = new StringBuilder();
        for (int i = leading; i < read.size(); i++) {
            out.append(", ");
            out.append(asNull ? "NULL" : "(" + read.get(i) + ")")
                    .append("::")
                    .append(type(kinds[i]))
                    .append(" AS c")
                    .append(i + 1);
        }
        return out.toString();
    }

    /** The names of the fields' columns, {@code , c4, c5 …}. */
    String fieldColumnNames() {
        StringBuilder out = new StringBuilder();
        for (int i = leading; i < read.size(); i++) {
            out.append(", c").append(i + 1);
        }
        return out.toString();
    }

    /** Every field of the type, custom fields left out, for tests and tools that read whole rows. */
    static SelectList all(ResourceTable table) {
        return of(table, table.type().fields());
    }

    /**
     * The statement that reads a page of these columns from the table: the rows matching {@code where}, in the
     * export's order, at most {@code limit}.
     */
    String query(String where, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        // the limit is the row-limit policy's number (plus one), never a request's text
        return "SELECT " + columns + " FROM " + table.table() + " WHERE " + where + " " + ORDER + " LIMIT " + limit;
    }

    /** The select list: the order key, then each column read, cast and under its alias. */
    String columns() {
        return columns;
    }

    ResourceTable table() {
        return table;
    }

    int columnCount() {
        return kinds.length;
    }

    /** What the column at {@code column} (1-based) holds. */
    FieldKind kind(int column) {
        return kinds[column - 1];
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
        return "SelectList[" + columns + "]";
    }
}
