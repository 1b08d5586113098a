package com.helpdesk.export.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.json.GeneratedRows;
import com.helpdesk.export.json.JacksonJsonSerializer;
import com.helpdesk.export.json.JsonRecords;
import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * On generated rows of every type (every field kind, custom fields of every kind, metadata, tags, nulls, hostile
 * texts, times and dates outside Excel's), a workbook read back by Apache POI holds, sheet for sheet and cell for cell,
 * type included, the JSON export of the same rows; {@code _export} says what each sheet holds and what the limits
 * changed.
 */
class XlsxCellsAreJsonValuesTest {

    /** One to five samples of distinct types, in any order. */
    private static Gen<List<GeneratedRows.Sample>> workbooks(int maxRows) {
        Gen<GeneratedRows.Sample> samples = GeneratedRows.samples(maxRows);
        Gen<Integer> counts = Gens.ints(1, ResourceType.values().length);
        return random -> {
            int count = counts.next(random);
            Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
            List<GeneratedRows.Sample> list = new ArrayList<>();
            while (list.size() < count) {
                GeneratedRows.Sample sample = samples.next(random);
                if (types.add(sample.type())) {
                    list.add(sample);
                }
            }
            return list;
        };
    }

    @Test
    void everyCellIsTheJsonValueOfTheSameRow() {
        Property.forAll(150, workbooks(8), samples -> {
            GeneratedRows.Sample[] all = samples.toArray(new GeneratedRows.Sample[0]);
            byte[] xlsx = JsonRecords.document(new XlsxSerializer(), all);
            JsonNode data = WorkbookReadBack.JSON
                    .readTree(JsonRecords.document(new JacksonJsonSerializer(new JsonFactory()), all))
                    .get("data");
            try (XSSFWorkbook workbook = WorkbookReadBack.open(xlsx)) {
                List<String> names = new ArrayList<>();
                samples.forEach(s -> names.add(s.type().wireName()));
                names.add("_export");
                assertThat(WorkbookReadBack.sheetNames(workbook)).isEqualTo(names);
                List<Map<String, int[]>> changed = new ArrayList<>();
                for (GeneratedRows.Sample sample : samples) {
                    List<Field> columns = sample.fields().stream()
                            .filter(f -> f.kind() != FieldKind.CUSTOM)
                            .toList();
                    if (columns.isEmpty()) {
                        continue;
                    }
                    changed.add(WorkbookReadBack.assertSheetIsTheRecords(
                            workbook.getSheet(sample.type().wireName()),
                            columns,
                            data.get("resources").get(sample.type().wireName())));
                }
                assertExportSheet(workbook.getSheet("_export"), samples, changed);
            }
        });
    }

    /** The sheet of long texts: every text past 32,767 characters cut and counted per column. */
    @Test
    void longTextsAreCutToACellAndCountedPerColumn() {
        Gen<String> longTexts = Gens.frequency(
                Gens.weight(1, Gens.constant("x".repeat(32_767))),
                Gens.weight(1, Gens.constant("y".repeat(32_768))),
                Gens.weight(1, GeneratedRows.texts().map(t -> t.repeat(1 + 40_000 / (t.length() + 1)))),
                // a pair of surrogates across the place of the cut
                Gens.weight(1, Gens.constant("a".repeat(32_760) + "😀".repeat(10))));
        Property.forAll(40, longTexts.list(1, 4), longTexts.list(1, 4), (contents, titles) -> {
            List<Field> fields = ResourceType.ARTICLES.selectFields(List.of("id", "content", "title"), "fields");
            List<com.helpdesk.export.domain.model.Row> rows = new ArrayList<>();
            for (int i = 0; i < Math.max(contents.size(), titles.size()); i++) {
                rows.add(new GeneratedRows.MapRow(Map.of(
                        "id", new java.util.UUID(0, i),
                        "content", contents.get(i % contents.size()),
                        "title", titles.get(i % titles.size()))));
            }
            GeneratedRows.Sample sample = new GeneratedRows.Sample(ResourceType.ARTICLES, List.of(), fields, rows);
            byte[] xlsx = JsonRecords.document(new XlsxSerializer(), sample);
            JsonNode records = WorkbookReadBack.JSON
                    .readTree(JsonRecords.document(new JacksonJsonSerializer(new JsonFactory()), sample))
                    .get("data")
                    .get("resources")
                    .get("articles");
            try (XSSFWorkbook workbook = WorkbookReadBack.open(xlsx)) {
                Map<String, int[]> changed =
                        WorkbookReadBack.assertSheetIsTheRecords(workbook.getSheet("articles"), fields, records);
                long longOnes = rows.stream()
                        .filter(r -> ((GeneratedRows.MapRow) r)
                                        .values()
                                        .get("content")
                                        .toString()
                                        .length()
                                > 32_767)
                        .count();
                assertThat(changed.getOrDefault("content", new int[2])[0]).isEqualTo((int) longOnes);
                assertExportSheet(workbook.getSheet("_export"), List.of(sample), List.of(changed));
            }
        });
    }

    /** {@code _export}: a row per resource, then every column a limit changed, with its counts. */
    static void assertExportSheet(
            XSSFSheet sheet, List<GeneratedRows.Sample> samples, List<Map<String, int[]>> changed) {
        assertThat(WorkbookReadBack.cellsText(sheet.getRow(0), 6))
                .containsExactly("resource", "rows", "hasMore", "nextCursor", "syncCursor", "snapshotAt (UTC)");
        for (int i = 0; i < samples.size(); i++) {
            XSSFRow row = sheet.getRow(i + 1);
            assertThat(row.getCell(0).getStringCellValue())
                    .isEqualTo(samples.get(i).type().wireName());
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(1).getNumericCellValue())
                    .isEqualTo(samples.get(i).rows().size());
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(row.getCell(2).getBooleanCellValue()).isFalse();
            assertThat(row.getCell(3)).as("no cursor when no more rows match").isNull();
            assertThat(row.getCell(4))
                    .as("no sync cursor from a reader that keeps no feed")
                    .isNull();
            assertThat(row.getCell(5).getLocalDateTimeCellValue().toInstant(ZoneOffset.UTC))
                    .isEqualTo(JsonRecords.GENERATED_AT);
        }
        int at = samples.size() + 2;
        assertThat(WorkbookReadBack.cellsText(sheet.getRow(at++), 4))
                .containsExactly("resource", "column", "cellsCut", "datesAsText");
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            for (Map.Entry<String, int[]> column : changed.get(i).entrySet()) {
                expected.add(List.of(
                        samples.get(i).type().wireName(), column.getKey(), (double) column.getValue()[0], (double)
                                column.getValue()[1]));
            }
        }
        List<List<Object>> read = new ArrayList<>();
        for (int r = at; r <= sheet.getLastRowNum(); r++) {
            XSSFRow row = sheet.getRow(r);
            read.add(List.of(
                    row.getCell(0).getStringCellValue(),
                    row.getCell(1).getStringCellValue(),
                    row.getCell(2).getNumericCellValue(),
                    row.getCell(3).getNumericCellValue()));
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Instant.EPOCH).isNotNull();
    }
}
