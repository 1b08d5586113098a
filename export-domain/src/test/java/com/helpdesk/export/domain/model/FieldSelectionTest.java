package com.helpdesk.export.domain.model;

import static com.helpdesk.export.domain.model.ResourceType.ARTICLES;
import static com.helpdesk.export.domain.model.ResourceType.CUSTOMERS;
import static com.helpdesk.export.domain.model.ResourceType.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In a field list, {@code customFields} names the whole group, {@code customFields.<key>} one of its fields. */
class FieldSelectionTest {

    private static final CustomFieldDefinition PLAN =
            new CustomFieldDefinition("plan", "Plan", CustomFieldKind.SELECT, 0);
    private static final CustomFieldDefinition AMOUNT =
            new CustomFieldDefinition("amount", "Amount", CustomFieldKind.NUMBER, 1);
    private static final CustomFieldDefinition DUE = new CustomFieldDefinition("due", "Due", CustomFieldKind.DATE, 2);
    private static final List<CustomFieldDefinition> DEFINED = List.of(PLAN, AMOUNT, DUE);

    private static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).toList();
    }

    @Test
    void everyFieldIsTheOwnFieldsThenTheGroupThenEveryDefinitionInPositionOrder() {
        List<Field> fields = FieldSelection.all(TICKETS).resolve(DEFINED);
        List<String> expected = new ArrayList<>(TICKETS.fieldNames());
        expected.addAll(List.of("customFields.plan", "customFields.amount", "customFields.due"));
        assertThat(names(fields)).isEqualTo(expected);
        Field amount = fields.get(fields.size() - 2);
        assertThat(amount.isCustom()).isTrue();
        assertThat(amount.kind()).isEqualTo(FieldKind.NUMBER);
        assertThat(amount.index())
                .isEqualTo(TICKETS.field("customFields").orElseThrow().index());
        assertThat(FieldSelection.all(ARTICLES).resolve(List.of())).isEqualTo(ARTICLES.fields());
        assertThat(FieldSelection.all(ARTICLES).wantsCustomFields()).isFalse();
        assertThat(FieldSelection.all(CUSTOMERS).wantsCustomFields()).isTrue();
    }

    @Test
    void oneCustomFieldStandsWhereTheRequestPutsIt() {
        FieldSelection selection = FieldSelection.parse(
                TICKETS, List.of("customFields.due", "id", "customFields.plan"), "resources[0].fields");
        assertThat(selection.wantsCustomFields()).isTrue();
        assertThat(names(selection.resolve(DEFINED))).containsExactly("customFields.due", "id", "customFields.plan");
        assertThat(FieldSelection.parse(TICKETS, List.of("id", "title"), "f").wantsCustomFields())
                .isFalse();
    }

    @Test
    void anUndefinedKeyIsRefusedInTheSnapshotNamingItsEntryAndTheDefinedKeys() {
        FieldSelection selection =
                FieldSelection.parse(CUSTOMERS, List.of("id", "customFields.colour"), "resources[1].fields");
        assertThatThrownBy(() -> selection.resolve(DEFINED)).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
            assertThat(e.param()).isEqualTo("resources[1].fields[1]");
            assertThat(e.getMessage()).contains("customFields.colour").contains("plan, amount, due");
        });
        assertThatThrownBy(() -> selection.resolve(List.of()))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.getMessage()).contains("defines none"));
    }

    @Test
    void aKeyThatCannotBeAKeyIsRefusedBeforeAnyReading() {
        for (String name : List.of(
                "customFields.",
                "customFields.Plan",
                "customFields.1a",
                "customFields.a-b",
                "customFields." + "a".repeat(41))) {
            assertThatThrownBy(() -> FieldSelection.parse(TICKETS, List.of("id", name), "resources[0].fields"))
                    .as(name)
                    .isInstanceOfSatisfying(
                            ExportException.class, e -> assertThat(e.param()).isEqualTo("resources[0].fields[1]"));
        }
        assertThat(FieldSelection.parse(TICKETS, List.of("customFields." + "a".repeat(40)), "f"))
                .isNotNull();
    }

    @Test
    void typesWithoutCustomFieldsRefuseThem() {
        assertThatThrownBy(() -> FieldSelection.parse(ARTICLES, List.of("customFields"), "resources[0].fields"))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.param()).isEqualTo("resources[0].fields[0]");
                    assertThat(e.getMessage()).doesNotContain("customFields.<key>");
                });
        assertThatThrownBy(() -> FieldSelection.parse(ResourceType.MESSAGES, List.of("customFields.plan"), "f"))
                .isInstanceOf(ExportException.class);
    }

    @Test
    void aCustomFieldNamedTwiceIsRefusedAtItsSecondMention() {
        assertThatThrownBy(() -> FieldSelection.parse(
                        TICKETS, List.of("customFields.plan", "customFields.plan"), "resources[0].fields"))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.param()).isEqualTo("resources[0].fields[1]"));
        FieldSelection both =
                FieldSelection.parse(TICKETS, List.of("customFields", "customFields.plan"), "resources[0].fields");
        assertThatThrownBy(() -> both.resolve(DEFINED)).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.param()).isEqualTo("resources[0].fields[1]");
            assertThat(e.getMessage()).contains("more than once");
        });
    }

    @Test
    void aCsvFileOfOnlyTheGroupOfATeamWithoutDefinitionsHasNoColumnAndIsRefused() {
        FieldSelection group = FieldSelection.parse(CUSTOMERS, List.of("customFields"), "resources[0].fields");
        assertThat(group.resolve(List.of(), ExportFormat.JSON))
                .containsExactly(CUSTOMERS.field("customFields").orElseThrow());
        assertThatThrownBy(() -> group.resolve(List.of(), ExportFormat.CSV))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.param()).isEqualTo("resources[0].fields");
                    assertThat(e.getMessage()).contains("no custom fields");
                });
        assertThat(names(group.resolve(DEFINED, ExportFormat.CSV)))
                .containsExactly("customFields", "customFields.plan", "customFields.amount", "customFields.due");
    }

    @Test
    void anXlsxSheetOfOnlyTheGroupOfATeamWithoutDefinitionsHasNoColumnAndIsRefusedAsInCsvButNdjsonIsNot() {
        FieldSelection group = FieldSelection.parse(CUSTOMERS, List.of("customFields"), "resources[2].fields");
        assertThatThrownBy(() -> group.resolve(List.of(), ExportFormat.XLSX))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.param()).isEqualTo("resources[2].fields");
                    assertThat(e.getMessage()).contains("an XLSX sheet of only customFields would have no column");
                });
        assertThat(group.resolve(List.of(), ExportFormat.NDJSON))
                .containsExactly(CUSTOMERS.field("customFields").orElseThrow());
        assertThat(names(group.resolve(DEFINED, ExportFormat.XLSX)))
                .containsExactly("customFields", "customFields.plan", "customFields.amount", "customFields.due");
    }

    @Test
    void aDefinitionKeepsToTheKeyPattern() {
        assertThatThrownBy(() -> new CustomFieldDefinition("Plan", "Plan", CustomFieldKind.TEXT, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CustomFieldKind.fromWireName("select")).contains(CustomFieldKind.SELECT);
        assertThat(CustomFieldKind.SELECT.valueKind().isFreeText())
                .as("select cells follow the formula rule")
                .isTrue();
        assertThat(CustomFieldKind.NUMBER.valueKind().isFreeText()).isFalse();
        assertThat(CustomFieldKind.DATE.valueKind().isFreeText()).isFalse();
    }
}
