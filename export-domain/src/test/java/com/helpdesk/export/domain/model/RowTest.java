package com.helpdesk.export.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowTest {

    private static final ResourceType TICKETS = ResourceType.TICKETS;

    private static Field field(String name) {
        return TICKETS.field(name).orElseThrow();
    }

    private static Row row(Map<String, Object> values) {
        return index -> values.get(TICKETS.fields().get(index).name());
    }

    @Test
    void givesEachFieldInTheTypeOfItsKind() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Row row = row(Map.of("id", id, "title", "t", "status", "open", "messageCount", 4, "createdAt", at,
                "tags", List.of("a")));
        assertThat(row.id(field("id"))).isEqualTo(id);
        assertThat(row.text(field("title"))).isEqualTo("t");
        assertThat(row.text(field("status"))).as("an enumeration is text").isEqualTo("open");
        assertThat(row.integer(field("messageCount"))).isEqualTo(4);
        assertThat(row.time(field("createdAt"))).isEqualTo(at);
        assertThat(row.tags(field("tags"))).containsExactly("a");
        assertThat(row.time(field("resolvedAt"))).isNull();
        assertThat(row(Map.of()).tags(field("tags"))).as("no tags is an empty list").isEmpty();
    }

    @Test
    void refusesAnotherKindThanTheFieldsAndAValueOfTheWrongType() {
        Row row = row(Map.of("messageCount", "four"));
        assertThatThrownBy(() -> row.text(field("messageCount"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messageCount is INTEGER");
        assertThatThrownBy(() -> row.integer(field("messageCount"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
