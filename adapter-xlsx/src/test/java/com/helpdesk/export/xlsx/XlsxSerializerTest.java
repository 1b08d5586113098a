package com.helpdesk.export.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.json.GeneratedRows;
import com.helpdesk.export.json.JsonRecords;
import com.helpdesk.export.spool.MemorySpool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook as a file: how it is delivered, what its XML holds, and that its rows leave memory as they come. */
class XlsxSerializerTest {

    private static final List<CustomFieldDefinition> AMOUNT =
            List.of(new CustomFieldDefinition("amount", "Amount", CustomFieldKind.NUMBER, 0));

    private static GeneratedRows.MapRow ticket(String title, BigDecimal amount) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", new UUID(1, 2));
        values.put("title", title);
        values.put("customFields.amount", amount);
        return new GeneratedRows.MapRow(values);
    }

    private static List<Field> ticketFields() {
        return FieldSelection.parse(ResourceType.TICKETS, List.of("id", "title", "customFields"), "fields")
                .resolve(AMOUNT);
    }

    /** The entries of the zip, by name, as text (read through its central directory). */
    private static Map<String, String> entries(byte[] xlsx) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    try (java.io.InputStream in = zip.getInputStream(entry)) {
                        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        return entries;
    }

    @Test
    void numbersAreTheirStoredTextTextsAreInlineAndNothingIsAFormula() throws IOException {
        byte[] xlsx = JsonRecords.document(
                new XlsxSerializer(),
                new GeneratedRows.Sample(
                        ResourceType.TICKETS,
                        AMOUNT,
                        ticketFields(),
                        List.of(
                                ticket("=SUM(A1:A9)", new BigDecimal("1.50")),
                                ticket("+1", new BigDecimal("1E+3")),
                                ticket("@cmd", new BigDecimal("0.000000100")))));
        Map<String, String> entries = entries(xlsx);
        String sheet = entries.get("xl/worksheets/sheet1.xml");
        assertThat(sheet)
                .contains("<v>1.50</v>", "<v>1000</v>", "<v>0.000000100</v>")
                .contains("<is><t>=SUM(A1:A9)</t></is>", "<is><t>+1</t></is>", "<is><t>@cmd</t></is>")
                .doesNotContain("<f>", "t=\"s\"");
        assertThat(entries.get("xl/sharedStrings.xml")).doesNotContain("<si>");
        try (XSSFWorkbook workbook = WorkbookReadBack.open(xlsx)) {
            XSSFRow first = workbook.getSheet("tickets").getRow(1);
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("=SUM(A1:A9)");
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(1.5);
        }
    }

    @Test
    void oneRangeDeliveredAsAWorkbookFileWithTheTotalAndWhetherAnyResourceHasMore() throws IOException {
        Cursor next = new Cursor(ResourceType.TICKETS, Instant.parse("2026-01-02T03:04:05Z"), new UUID(1, 2));
        try (MemorySpool spool = new MemorySpool()) {
            Serializer.DocumentWriter document = new XlsxSerializer().start(JsonRecords.head(ExportFormat.XLSX), spool);
            Serializer.RowWriter tickets = document.resource(ResourceType.TICKETS, ticketFields());
            tickets.accept(ticket("t", BigDecimal.ONE));
            tickets.accept(ticket("u", null));
            tickets.finish();
            document.resource(ResourceType.MEMBERS, ResourceType.MEMBERS.fields())
                    .finish();
            PreparedDocument prepared = document.finish(List.of(
                    new ExportSection(
                            ResourceType.TICKETS, ticketFields(), new PageSummary(2, true, Optional.of(next))),
                    new ExportSection(
                            ResourceType.MEMBERS,
                            ResourceType.MEMBERS.fields(),
                            new PageSummary(0, false, Optional.empty()))));
            assertThat(prepared.delivery().mediaType())
                    .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(prepared.delivery().fileName())
                    .contains("export-5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b-20261201T100000Z.xlsx");
            assertThat(prepared.delivery().headers())
                    .containsExactly(Map.entry("X-Total-Rows", "2"), Map.entry("X-Has-More", "true"));
            assertThat(prepared.body()).containsExactly(new SpoolRange(0, spool.size()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            spool.copyTo(0, spool.size(), out);
            try (XSSFWorkbook workbook = WorkbookReadBack.open(out.toByteArray())) {
                assertThat(WorkbookReadBack.sheetNames(workbook)).containsExactly("tickets", "members", "_export");
                XSSFRow tickets2 = workbook.getSheet("_export").getRow(1);
                assertThat(tickets2.getCell(1).getNumericCellValue()).isEqualTo(2);
                assertThat(tickets2.getCell(2).getBooleanCellValue()).isTrue();
                assertThat(tickets2.getCell(3).getStringCellValue()).isEqualTo(next.encode());
                assertThat(workbook.getSheet("members").getLastRowNum()).isZero();
            }
        }
    }

    /**
     * Rows leave memory as they are written: after each row of 20,000 random letters (which deflate to at least
     * three fifths of their size), the workbook's bytes in the spool have grown with it, less at most what the writer
     * and the deflater hold (well under 1 MiB). A writer that kept the rows, or put the texts in a table of shared
     * strings written at the end, would fail it.
     */
    @Test
    void rowsReachTheSpoolAsTheyAreWritten() throws IOException {
        SplittableRandom random = new SplittableRandom(21);
        try (MemorySpool spool = new MemorySpool()) {
            Serializer.DocumentWriter document = new XlsxSerializer().start(JsonRecords.head(ExportFormat.XLSX), spool);
            List<Field> fields = ResourceType.ARTICLES.selectFields(List.of("id", "content"), "fields");
            Serializer.RowWriter rows = document.resource(ResourceType.ARTICLES, fields);
            long text = 0;
            for (int i = 0; i < 300; i++) {
                StringBuilder content = new StringBuilder(20_000);
                for (int c = 0; c < 20_000; c++) {
                    content.append((char) ('a' + random.nextInt(26)));
                }
                rows.accept(new GeneratedRows.MapRow(Map.of("id", new UUID(0, i), "content", content.toString())));
                text += content.length();
                assertThat(spool.size())
                        .as("bytes in the spool after %d rows", i + 1)
                        .isGreaterThan(text * 3 / 5 - 1_048_576);
            }
            rows.finish();
        }
    }
}
