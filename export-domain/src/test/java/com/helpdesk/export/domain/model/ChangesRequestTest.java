package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangesRequestTest {

    private static ChangeSpec spec(ResourceType type) {
        return new ChangeSpec(type, FieldSelection.all(type), Optional.empty());
    }

    @Test
    void tablesAreRefusedAndNdjsonTakesOneResourceNamingTheFormat() {
        for (ExportFormat table : new ExportFormat[] {ExportFormat.CSV, ExportFormat.XLSX}) {
            assertThatThrownBy(() -> new ChangesRequest(List.of(spec(ResourceType.TICKETS)), table))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo("format");
                    });
        }
        assertThatThrownBy(() -> new ChangesRequest(
                        List.of(spec(ResourceType.TICKETS), spec(ResourceType.MEMBERS)), ExportFormat.NDJSON))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.param()).isEqualTo("format"));
        assertThat(new ChangesRequest(List.of(spec(ResourceType.TICKETS)), ExportFormat.NDJSON).resources())
                .hasSize(1);
    }

    @Test
    void theIdComesFirstWhetherNamedOrNot() {
        FieldSelection fields =
                FieldSelection.parse(ResourceType.MEMBERS, List.of("name", "id", "email"), "resources[0].fields");
        assertThat(fields.resolveIdFirst(List.of()).stream().map(Field::name)).containsExactly("id", "name", "email");
        FieldSelection noId = FieldSelection.parse(ResourceType.MEMBERS, List.of("role"), "f");
        assertThat(noId.resolveIdFirst(List.of()).stream().map(Field::name)).containsExactly("id", "role");
    }
}
