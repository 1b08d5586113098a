package com.helpdesk.export.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a workbook back with Apache POI (a reader independent of the writer) and compares each cell, its type
 * included, with the JSON record of the same row: the expectation is written from the JSON value and the contract's
 * rules alone (a string a text cell, cut at 32,767 characters to end with {@code …[cut]}; a number a number cell
 * holding the JSON number's text; a boolean a boolean cell; a time or date a date cell in UTC, or its text outside
 * 1900 to 9999; tags joined by a space; metadata its compact JSON; null an empty cell). Shared as adapter-xlsx's
 * test jar with the service's HTTP tests.
 */
public final class WorkbookReadBack {

    /** Numbers exactly as written (1.50 stays 1.50). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static final int MAX = 32_767;
    private static final String CUT = "…[cut]";

    private WorkbookReadBack() {}

    public static XSSFWorkbook open(byte[] xlsx) throws IOException {
        // a long run of one character deflates past POI's guard against zip bombs, and is what the tests write
        ZipSecureFile.setMinInflateRatio(0);
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    public static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /**
     * Asserts that the sheet holds the header of these columns and, row for row, the JSON records' values; answers
     * what the limits changed, counted from the records.
     */
    public static Map<String, int[]> assertSheetIsTheRecords(XSSFSheet sheet, List<Field> columns, JsonNode records) {
        XSSFRow header = sheet.getRow(0);
        List<String> expectedHeader = new ArrayList<>();
        for (Field column : columns) {
            expectedHeader.add(column.kind() == FieldKind.TIMESTAMP ? column.name() + " (UTC)" : column.name());
        }
        assertThat(cellsText(header, columns.size())).isEqualTo(expectedHeader);
        assertThat(sheet.getLastRowNum()).as("rows of %s", sheet.getSheetName()).isEqualTo(records.size());
        Map<String, int[]> changed = new TreeMap<>();
        for (int r = 0; r < records.size(); r++) {
            XSSFRow row = sheet.getRow(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                Field column = columns.get(c);
                JsonNode value = column.isCustom()
                        ? records.get(r).get("customFields").get(column.custom().key())
                        : records.get(r).get(column.name());
                XSSFCell cell = row == null ? null : row.getCell(c);
                String where = sheet.getSheetName() + " row " + (r + 1) + " " + column.name();
                String limited = assertCell(where, column, value, cell);
                if (limited != null) {
                    changed.computeIfAbsent(expectedHeader.get(c), k -> new int[2])[limited.equals("cut") ? 0 : 1]++;
                }
            }
        }
        return changed;
    }

    /** Asserts one cell; answers "cut" or "text" when a limit changed it, else null. */
    static String assertCell(String where, Field column, JsonNode value, XSSFCell cell) {
        if (cell != null) {
            assertThat(cell.getCellType()).as(where).isNotEqualTo(CellType.FORMULA);
        }
        boolean empty = value == null || value.isNull() || (value.isArray() && value.isEmpty());
        if (empty) {
            assertThat(cell == null || cell.getCellType() == CellType.BLANK)
                    .as("%s is empty for %s", where, value)
                    .isTrue();
            return null;
        }
        assertThat(cell).as(where).isNotNull();
        switch (column.kind()) {
            case INTEGER, NUMBER -> {
                assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
                assertThat(cell.getCTCell().getV())
                        .as("%s holds the number's text", where)
                        .isEqualTo(value.decimalValue().toPlainString());
                return null;
            }
            case BOOLEAN -> {
                assertThat(cell.getCellType()).as(where).isEqualTo(CellType.BOOLEAN);
                assertThat(cell.getBooleanCellValue()).as(where).isEqualTo(value.booleanValue());
                return null;
            }
            case TIMESTAMP -> {
                Instant time = Instant.parse(value.asText());
                if (time.isBefore(Instant.parse("1900-01-01T00:00:00Z"))
                        || !time.isBefore(Instant.parse("+10000-01-01T00:00:00Z"))) {
                    assertText(where, cell, value.asText());
                    return "text";
                }
                assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(cell)).as(where).isTrue();
                assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss.000");
                Instant read = cell.getLocalDateTimeCellValue().toInstant(ZoneOffset.UTC);
                assertThat(Duration.between(time, read).abs())
                        .as("%s: %s read as %s", where, time, read)
                        .isLessThanOrEqualTo(Duration.ofMillis(1));
                return null;
            }
            case DATE -> {
                LocalDate date = LocalDate.parse(value.asText());
                if (date.isBefore(LocalDate.of(1900, 1, 1))) {
                    assertText(where, cell, value.asText());
                    return "text";
                }
                assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
                assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
                assertThat(cell.getLocalDateTimeCellValue().toLocalDate())
                        .as(where)
                        .isEqualTo(date);
                return null;
            }
            case OBJECT -> {
                assertThat(cell.getCellType()).as(where).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).as(where).isEqualTo(value.toString());
                try {
                    assertThat(JSON.readTree(cell.getStringCellValue()))
                            .as(where)
                            .isEqualTo(value);
                } catch (IOException e) {
                    throw new AssertionError(where + " is not JSON", e);
                }
                return null;
            }
            case TAGS -> {
                List<String> tags = new ArrayList<>();
                value.forEach(t -> tags.add(t.asText()));
                return assertText(where, cell, String.join(" ", tags));
            }
            default -> {
                return assertText(where, cell, value.asText());
            }
        }
    }

    /** A text cell holding {@code text}, or its first characters and {@code …[cut]}: answers "cut" then. */
    private static String assertText(String where, XSSFCell cell, String text) {
        assertThat(cell.getCellType()).as(where).isEqualTo(CellType.STRING);
        String read = cell.getStringCellValue();
        if (text.length() <= MAX) {
            assertThat(read).as(where).isEqualTo(text);
            return null;
        }
        assertThat(read.length()).as(where).isLessThanOrEqualTo(MAX).isGreaterThanOrEqualTo(MAX - 1);
        assertThat(read).as(where).endsWith(CUT);
        assertThat(text).as(where).startsWith(read.substring(0, read.length() - CUT.length()));
        return "cut";
    }

    public static List<String> cellsText(XSSFRow row, int columns) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            XSSFCell cell = row.getCell(c);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            texts.add(cell.getStringCellValue());
        }
        return texts;
    }
}
