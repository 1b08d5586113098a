package com.helpdesk.export.xlsx;

import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.PageSummary;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Worksheet;

/**
 * The last sheet, {@value #NAME}: what the envelope of the JSON format says, per resource, and what Excel's limits
 * changed. First a table of one row per resource: {@code resource}, {@code rows} written, {@code hasMore},
 * {@code nextCursor} (empty when no more rows match), {@code syncCursor} (the change feed's cursor at the snapshot:
 * following the feed from it misses no change made after it) and {@code snapshotAt (UTC)}, the time of the snapshot
 * every resource was read from. Then, after an empty row, a table of every column whose cells a limit changed: {@code resource},
 * {@code column}, {@code cellsCut} (texts longer than a cell holds, cut to end with {@code …[cut]}) and
 * {@code datesAsText} (dates and times outside Excel's 1900 to 9999, written as their ISO text); no row when nothing
 * changed.
 */
final class ExportSheet {

    static final String NAME = "_export";

    static final List<String> RESOURCES_HEADER =
            List.of("resource", "rows", "hasMore", "nextCursor", "syncCursor", "snapshotAt" + ResourceSheet.UTC);
    static final List<String> LIMITS_HEADER = List.of("resource", "column", "cellsCut", "datesAsText");

    private ExportSheet() {}

    /** Writes the sheet: {@code counts.get(i)} is what the limits changed in the sheet of {@code sections.get(i)}. */
    static void write(Worksheet sheet, List<ExportSection> sections, List<ColumnCounts> counts, Instant snapshotAt)
            throws IOException {
        int row = 0;
        header(sheet, row++, RESOURCES_HEADER);
        for (ExportSection section : sections) {
            PageSummary summary = section.summary();
            sheet.inlineString(row, 0, section.type().wireName());
            sheet.value(row, 1, summary.rows());
            sheet.value(row, 2, summary.hasMore());
            if (summary.nextCursor().isPresent()) {
                sheet.inlineString(
                        row, 3, summary.nextCursor().map(Cursor::encode).get());
            }
            if (section.syncCursor().isPresent()) {
                sheet.inlineString(
                        row, 4, section.syncCursor().map(ChangeCursor::encode).get());
            }
            sheet.value(row, 5, ExcelSerial.of(snapshotAt));
            sheet.style(row, 5).format(ResourceSheet.TIME_FORMAT).set();
            row++;
        }
        row++;
        header(sheet, row++, LIMITS_HEADER);
        for (int i = 0; i < sections.size(); i++) {
            for (Map.Entry<String, int[]> column : counts.get(i).byColumn().entrySet()) {
                sheet.inlineString(row, 0, sections.get(i).type().wireName());
                sheet.inlineString(row, 1, column.getKey());
                sheet.value(row, 2, column.getValue()[0]);
                sheet.value(row, 3, column.getValue()[1]);
                row++;
            }
        }
        sheet.finish();
    }

    private static void header(Worksheet sheet, int row, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            sheet.inlineString(row, c, names.get(c));
        }
    }
}
