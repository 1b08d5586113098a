package com.helpdesk.export.rest;

import static com.helpdesk.export.rest.Api.DEMO_TEAM;
import static com.helpdesk.export.rest.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.xlsx.WorkbookReadBack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * XLSX end to end on the demo data: the five types in one workbook, read back by Apache POI, hold cell for cell,
 * type included, the JSON export of the same rows; {@code _export} and the headers say what it holds.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class XlsxExportTest {

    private static final List<String> TYPES = List.of("tickets", "customers", "articles", "messages", "members");

    @Inject
    DataSource dataSource;

    private static String resources() {
        List<String> entries = new ArrayList<>();
        TYPES.forEach(t -> entries.add("{\"type\":\"" + t + "\"}"));
        return "[" + String.join(",", entries) + "]";
    }

    /** The team's custom fields of a type, as the export reads them. */
    private List<CustomFieldDefinition> definitions(ResourceType type) throws Exception {
        List<CustomFieldDefinition> definitions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select key, label, kind, position from custom_field_definitions"
                                + " where team_id = ? and resource = ? order by position")) {
            statement.setObject(1, UUID.fromString(DEMO_TEAM));
            statement.setString(2, type.wireName());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    definitions.add(new CustomFieldDefinition(
                            rows.getString(1),
                            rows.getString(2),
                            CustomFieldKind.fromWireName(rows.getString(3)).orElseThrow(),
                            rows.getInt(4)));
                }
            }
        }
        return definitions;
    }

    @Test
    void fiveTypesInOneWorkbookHoldTheJsonExportCellForCell() throws Exception {
        ExtractableResponse<Response> answer = post(
                        DemoDataset.LIVE_SECRET_KEY,
                        DEMO_TEAM,
                        "{\"resources\":" + resources() + ",\"format\":\"xlsx\"}")
                .statusCode(200)
                .extract();
        assertThat(answer.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(answer.header("Content-Disposition"))
                .matches("attachment; filename=\"export-" + DEMO_TEAM + "-\\d{8}T\\d{6}Z\\.xlsx\"");
        assertThat(answer.header("X-Has-More")).isEqualTo("true");
        assertThat(answer.header("X-Next-Cursor")).isNull();
        JsonNode data = WorkbookReadBack.JSON
                .readTree(post(DemoDataset.LIVE_SECRET_KEY, DEMO_TEAM, "{\"resources\":" + resources() + "}")
                        .statusCode(200)
                        .extract()
                        .asByteArray())
                .get("data");
        assertThat(answer.header("X-Total-Rows"))
                .isEqualTo(data.get("totalRows").asText());
        try (XSSFWorkbook workbook = WorkbookReadBack.open(answer.asByteArray())) {
            List<String> names = new ArrayList<>(TYPES);
            names.add("_export");
            assertThat(WorkbookReadBack.sheetNames(workbook)).isEqualTo(names);
            XSSFSheet export = workbook.getSheet("_export");
            List<List<Object>> expectedLimits = new ArrayList<>();
            for (int i = 0; i < TYPES.size(); i++) {
                String type = TYPES.get(i);
                ResourceType resourceType = ResourceType.fromWireName(type).orElseThrow();
                List<Field> columns = FieldSelection.all(resourceType).resolve(definitions(resourceType)).stream()
                        .filter(f -> f.kind() != FieldKind.CUSTOM)
                        .toList();
                JsonNode records = data.get("resources").get(type);
                Map<String, int[]> changed =
                        WorkbookReadBack.assertSheetIsTheRecords(workbook.getSheet(type), columns, records);
                changed.forEach((column, counts) ->
                        expectedLimits.add(List.of(type, column, (double) counts[0], (double) counts[1])));
                XSSFRow summary = export.getRow(i + 1);
                assertThat(summary.getCell(0).getStringCellValue()).isEqualTo(type);
                assertThat(summary.getCell(1).getNumericCellValue()).isEqualTo(records.size());
                assertThat(summary.getCell(2).getBooleanCellValue())
                        .isEqualTo(data.get("hasMore").get(type).asBoolean());
                if (data.get("hasMore").get(type).asBoolean()) {
                    assertThat(summary.getCell(3).getStringCellValue())
                            .as("a cursor, though not the JSON export's own: the last row is the same")
                            .isEqualTo(data.get("nextCursor").get(type).asText());
                } else {
                    assertThat(summary.getCell(3)).isNull();
                }
                assertThat(summary.getCell(4).getStringCellValue())
                        .as("the change feed's cursor at the snapshot")
                        .isNotBlank();
                assertThat(summary.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            }
            assertThat(WorkbookReadBack.cellsText(export.getRow(TYPES.size() + 2), 4))
                    .containsExactly("resource", "column", "cellsCut", "datesAsText");
            List<List<Object>> limits = new ArrayList<>();
            for (int r = TYPES.size() + 3; r <= export.getLastRowNum(); r++) {
                XSSFRow row = export.getRow(r);
                limits.add(List.of(
                        row.getCell(0).getStringCellValue(),
                        row.getCell(1).getStringCellValue(),
                        row.getCell(2).getNumericCellValue(),
                        row.getCell(3).getNumericCellValue()));
            }
            assertThat(limits).as("what Excel's limits changed").containsExactlyInAnyOrderElementsOf(expectedLimits);
            System.out.println("XlsxExportTest: what Excel's limits changed in the demo data: " + limits);
        }
    }

    @Test
    void aSixthResourceIsRefused() {
        Api.error(
                        post(
                                DemoDataset.LIVE_SECRET_KEY,
                                DEMO_TEAM,
                                "{\"resources\":" + resources().replace("]", ",{\"type\":\"tickets\"}]")
                                        + ",\"format\":\"xlsx\"}"),
                        400,
                        "invalid_request_error",
                        "parameter_invalid")
                .body("error.param", org.hamcrest.Matchers.equalTo("resources"));
    }
}
