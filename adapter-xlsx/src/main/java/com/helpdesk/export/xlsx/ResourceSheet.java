package com.helpdesk.export.xlsx;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.PublicId;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.wiretext.InstantText;
import com.helpdesk.export.wiretext.JsonText;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.Worksheet;

/**
 * One resource's worksheet: a header row of the field names (custom fields one column each, {@code
 * customFields.<key>}; a time's name followed by {@code " (UTC)"}), then a row per record, each written out to the
 * file as soon as it is complete (no row is kept). Cells are typed by the field's kind: integers and numbers as
 * numbers (a number as its stored decimal text), booleans as booleans, times and dates as date cells in UTC, and ids,
 * references, tags (joined by a space), metadata (compact JSON) and every text as text cells: never a formula, a text
 * beginning with {@code =} stays that text. A null is an empty cell; an empty text an empty text cell. What Excel's
 * limits change (a text cut, a date outside Excel's written as text) is counted per column.
 */
final class ResourceSheet implements Serializer.RowWriter {

    static final String TIME_FORMAT = "yyyy-mm-dd hh:mm:ss.000";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String UTC = " (UTC)";

    private final Worksheet sheet;
    private final Field[] columns;
    private final ColumnCounts counts = new ColumnCounts();
    private int row = 1;

    ResourceSheet(Worksheet sheet, List<Field> fields) throws IOException {
        this.sheet = sheet;
        this.columns = columns(fields);
        for (int c = 0; c < columns.length; c++) {
            sheet.inlineString(0, c, header(columns[c]));
        }
        sheet.freezePane(0, 1);
        sheet.flush();
    }

    /** The columns: every field but the group {@code customFields} itself, whose fields are columns of their own. */
    static Field[] columns(List<Field> fields) {
        return fields.stream().filter(f -> f.kind() != FieldKind.CUSTOM).toArray(Field[]::new);
    }

    /** A column's header: the field's name, and {@code " (UTC)"} after a time's. */
    static String header(Field field) {
        return field.kind() == FieldKind.TIMESTAMP ? field.name() + UTC : field.name();
    }

    @Override
    public void accept(Row record) throws IOException {
        // the row exists even when every value is null: an empty row, not a missing one
        sheet.value(row, 0, (Boolean) null);
        for (int c = 0; c < columns.length; c++) {
            cell(c, columns[c], record);
        }
        row++;
        sheet.flush();
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
    }

    /** The rows written, the header not counted. */
    int rows() {
        return row - 1;
    }

    ColumnCounts counts() {
        return counts;
    }

    private void cell(int c, Field field, Row record) {
        switch (field.kind()) {
            case ID -> {
                UUID id = record.id(field);
                if (id != null) {
                    sheet.inlineString(row, c, PublicId.format(field.idPrefix(), id));
                }
            }
            case REF -> text(c, field, record.ref(field));
            case TEXT, ENUM -> text(c, field, record.text(field));
            case TAGS -> {
                List<String> tags = record.tags(field);
                if (!tags.isEmpty()) {
                    text(c, field, String.join(" ", tags));
                }
            }
            case OBJECT -> text(c, field, JsonText.compact(record.object(field)));
            case INTEGER -> {
                Integer number = record.integer(field);
                if (number != null) {
                    sheet.value(row, c, number);
                }
            }
            case NUMBER -> {
                BigDecimal number = record.number(field);
                if (number != null) {
                    sheet.value(row, c, new PlainDecimal(number));
                }
            }
            case BOOLEAN -> {
                Boolean bool = record.bool(field);
                if (bool != null) {
                    sheet.value(row, c, bool);
                }
            }
            case TIMESTAMP -> {
                Instant time = record.time(field);
                if (time != null) {
                    date(c, field, ExcelSerial.of(time), TIME_FORMAT, InstantText.format(time));
                }
            }
            case DATE -> {
                LocalDate date = record.date(field);
                if (date != null) {
                    date(c, field, ExcelSerial.of(date), DATE_FORMAT, date.toString());
                }
            }
            case CUSTOM -> throw new IllegalArgumentException("the group " + field.name() + " is not a column");
        }
    }

    private void text(int c, Field field, String text) {
        if (text == null) {
            return;
        }
        if (SheetText.tooLong(text)) {
            counts.cut(header(field));
            text = SheetText.cut(text);
        }
        sheet.inlineString(row, c, SheetText.escaped(text));
    }

    /** A date cell of this serial in this format, or (outside Excel's dates) a text cell of the wire text. */
    private void date(int c, Field field, double serial, String format, String wireText) {
        if (Double.isNaN(serial)) {
            counts.asText(header(field));
            sheet.inlineString(row, c, wireText);
            return;
        }
        sheet.value(row, c, serial);
        sheet.style(row, c).format(format).set();
    }
}
