package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowTest {

    private static final ResourceType TICKETS = ResourceType.TICKETS;

    private static Field field(String name) {
        return TICKETS.field(name).orElseThrow();
    }

    private static Row row(Map<String, Object> values) {
        return field -> values.get(field.name());
    }

    @Test
    void givesEachFieldInTheTypeOfItsKind() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Row row = row(Map.of(
                "id", id, "title", "t", "status", "open", "messageCount", 4, "createdAt", at, "tags", List.of("a")));
        assertThat(row.id(field("id"))).isEqualTo(id);
        assertThat(row.text(field("title"))).isEqualTo("t");
        assertThat(row.text(field("status"))).as("an enumeration is text").isEqualTo("open");
        assertThat(row.integer(field("messageCount"))).isEqualTo(4);
        assertThat(row.time(field("createdAt"))).isEqualTo(at);
        assertThat(row.tags(field("tags"))).containsExactly("a");
        assertThat(row.time(field("resolvedAt"))).isNull();
        assertThat(row(Map.of()).tags(field("tags")))
                .as("no tags is an empty list")
                .isEmpty();
        assertThat(row(Map.of()).object(field("metadata")))
                .as("no metadata is the empty object")
                .isEqualTo("{}");
        assertThat(row(Map.of("metadata", "{\"a\": 1}")).object(field("metadata")))
                .isEqualTo("{\"a\": 1}");
    }

    @Test
    void givesCustomFieldsAndReferencesInTheTypeOfTheirKind() {
        Field number = Field.custom(new CustomFieldDefinition("amount", "Amount", CustomFieldKind.NUMBER, 0), 15);
        Field date = Field.custom(new CustomFieldDefinition("due", "Due", CustomFieldKind.DATE, 1), 15);
        Field plan = Field.custom(new CustomFieldDefinition("plan", "Plan", CustomFieldKind.SELECT, 2), 15);
        Row row = row(Map.of(
                "customFields.amount",
                new BigDecimal("1.50"),
                "customFields.due",
                LocalDate.parse("2026-02-28"),
                "customFields.plan",
                "gold"));
        assertThat(row.number(number)).isEqualByComparingTo("1.50");
        assertThat(row.date(date)).isEqualTo(LocalDate.parse("2026-02-28"));
        assertThat(row.text(plan)).as("a select is text").isEqualTo("gold");
        assertThatThrownBy(() -> row.text(number)).isInstanceOf(IllegalArgumentException.class);

        Field author = ResourceType.MESSAGES.field("authorId").orElseThrow();
        Row message = field -> field == author ? "mem_0123" : null;
        assertThat(message.ref(author)).isEqualTo("mem_0123");
        assertThatThrownBy(() -> message.text(author)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnotherKindThanTheFieldsAndAValueOfTheWrongType() {
        Row row = row(Map.of("messageCount", "four"));
        assertThatThrownBy(() -> row.text(field("messageCount")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messageCount is INTEGER");
        assertThatThrownBy(() -> row.integer(field("messageCount")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
