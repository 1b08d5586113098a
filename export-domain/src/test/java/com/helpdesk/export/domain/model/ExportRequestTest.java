package com.helpdesk.export.domain.model;

import static com.helpdesk.export.domain.model.ResourceType.ARTICLES;
import static com.helpdesk.export.domain.model.ResourceType.CUSTOMERS;
import static com.helpdesk.export.domain.model.ResourceType.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExportRequestTest {

    private static ExportRequest request(ResourceType... types) {
        List<ResourceSpec> specs = new ArrayList<>();
        for (ResourceType type : types) {
            specs.add(ResourceSpec.all(type));
        }
        return new ExportRequest(specs, ExportFormat.JSON, Optional.empty());
    }

    @Test
    void takesOneToThreeResourcesOfDistinctTypes() {
        assertThat(request(TICKETS).resources()).hasSize(1);
        assertThat(request(CUSTOMERS, TICKETS).resources())
                .extracting(ResourceSpec::type)
                .containsExactly(CUSTOMERS, TICKETS);
        assertThat(request(ARTICLES, TICKETS, CUSTOMERS).resources()).hasSize(3);
    }

    @Test
    void refusesNoResource() {
        assertThatThrownBy(ExportRequestTest::request).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
            assertThat(e.param()).isEqualTo("resources");
        });
    }

    @Test
    void takesOneOfEachTypeAndRefusesMoreThanFiveResources() {
        List<ResourceSpec> five = new ArrayList<>();
        for (ResourceType type : ResourceType.values()) {
            five.add(ResourceSpec.all(type));
        }
        assertThat(new ExportRequest(five, ExportFormat.JSON, Optional.empty()).resources())
                .hasSize(5);
        List<ResourceSpec> six = new ArrayList<>(five);
        six.add(ResourceSpec.all(TICKETS));
        assertThatThrownBy(() -> new ExportRequest(six, ExportFormat.JSON, Optional.empty()))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                    assertThat(e.param()).isEqualTo("resources");
                    assertThat(e.getMessage()).contains("1 to 5");
                });
    }

    @Test
    void refusesATypeListedTwiceNamingTheRepeat() {
        assertThatThrownBy(() -> request(TICKETS, TICKETS)).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
            assertThat(e.param()).isEqualTo("resources[1].type");
            assertThat(e.getMessage()).contains("tickets");
        });
        assertThatThrownBy(() -> request(CUSTOMERS, ARTICLES, ARTICLES))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.param()).isEqualTo("resources[2].type"));
    }

    @Test
    void copiesTheResourceList() {
        List<ResourceSpec> specs = new ArrayList<>(List.of(ResourceSpec.all(TICKETS)));
        ExportRequest request = new ExportRequest(specs, ExportFormat.CSV, Optional.of(new CsvOptions(true)));
        specs.add(ResourceSpec.all(CUSTOMERS));
        assertThat(request.resources()).hasSize(1);
        assertThatThrownBy(() -> request.resources().add(ResourceSpec.all(ARTICLES)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(request.csv()).contains(new CsvOptions(true));
    }

    @Test
    void refusesNulls() {
        assertThatThrownBy(() -> new ExportRequest(null, ExportFormat.JSON, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ExportRequest(List.of(ResourceSpec.all(TICKETS)), null, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ExportRequest(List.of(ResourceSpec.all(TICKETS)), ExportFormat.JSON, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void resourceSpecKeepsItsPartsConsistent() {
        ResourceSpec all = ResourceSpec.all(TICKETS);
        assertThat(all.fields().resolve(List.of())).isEqualTo(TICKETS.fields());
        assertThat(all.filters()).isEqualTo(ResourceFilters.none(TICKETS));
        assertThat(all.after()).isEmpty();

        Cursor cursor = new Cursor(TICKETS, Instant.EPOCH, UUID.randomUUID());
        FieldSelection id = FieldSelection.parse(TICKETS, List.of("id"), "f");
        assertThat(new ResourceSpec(TICKETS, ResourceFilters.none(TICKETS), id, Optional.of(cursor)).after())
                .contains(cursor);
        assertThatThrownBy(() -> new ResourceSpec(TICKETS, ResourceFilters.none(CUSTOMERS), id, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResourceSpec(
                        TICKETS, ResourceFilters.none(TICKETS), FieldSelection.all(CUSTOMERS), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResourceSpec(TICKETS, ResourceFilters.none(TICKETS), null, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ResourceSpec(
                        TICKETS,
                        ResourceFilters.none(TICKETS),
                        id,
                        Optional.of(new Cursor(ARTICLES, Instant.EPOCH, UUID.randomUUID()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesTheFormatWithJsonAsDefault() {
        assertThat(ExportFormat.parse(null, "format")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.parse("json", "format")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.parse("csv", "format")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.parse("ndjson", "format")).isEqualTo(ExportFormat.NDJSON);
        assertThat(ExportFormat.parse("xlsx", "format")).isEqualTo(ExportFormat.XLSX);
        for (String bad : List.of("CSV", "xml", "", " json", "NDJSON", "xls", "jsonl")) {
            assertThatThrownBy(() -> ExportFormat.parse(bad, "format"))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo("format");
                        assertThat(e.getMessage())
                                .isEqualTo("Invalid format '" + bad + "'. Allowed values: json, csv, ndjson, xlsx.");
                    });
        }
        assertThat(CsvOptions.DEFAULT.bom()).isFalse();
    }
}
