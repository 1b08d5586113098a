package com.helpdesk.export.domain.model;

import static com.helpdesk.export.domain.model.ResourceType.ARTICLES;
import static com.helpdesk.export.domain.model.ResourceType.CUSTOMERS;
import static com.helpdesk.export.domain.model.ResourceType.MEMBERS;
import static com.helpdesk.export.domain.model.ResourceType.MESSAGES;
import static com.helpdesk.export.domain.model.ResourceType.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The resource types' filters and record fields, against the API's lists of them written out here. */
class ResourceTypeTest {

    private static Map<String, String> fieldKinds(ResourceType type) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Field f : type.fields()) {
            kinds.put(f.name(), f.kind() + (f.idPrefix() == null ? "" : " " + f.idPrefix()));
        }
        return kinds;
    }

    @Nested
    class Fields {

        @Test
        void ticketsHaveTheContractsFieldsInCsvColumnOrder() {
            assertThat(fieldKinds(TICKETS))
                    .containsExactly(
                            entry("id", "ID tkt_"),
                            entry("title", "TEXT"),
                            entry("status", "ENUM"),
                            entry("priority", "ENUM"),
                            entry("customerId", "ID cus_"),
                            entry("assignedTo", "ID mem_"),
                            entry("tags", "TAGS"),
                            entry("notes", "TEXT"),
                            entry("messageCount", "INTEGER"),
                            entry("responseDeadline", "TIMESTAMP"),
                            entry("resolutionDeadline", "TIMESTAMP"),
                            entry("createdAt", "TIMESTAMP"),
                            entry("updatedAt", "TIMESTAMP"),
                            entry("resolvedAt", "TIMESTAMP"),
                            entry("metadata", "OBJECT"),
                            entry("customFields", "CUSTOM"));
        }

        @Test
        void customersHaveTheContractsFieldsInCsvColumnOrder() {
            assertThat(fieldKinds(CUSTOMERS))
                    .containsExactly(
                            entry("id", "ID cus_"),
                            entry("name", "TEXT"),
                            entry("email", "TEXT"),
                            entry("phone", "TEXT"),
                            entry("status", "ENUM"),
                            entry("sentiment", "ENUM"),
                            entry("tags", "TAGS"),
                            entry("notes", "TEXT"),
                            entry("ticketCount", "INTEGER"),
                            entry("createdAt", "TIMESTAMP"),
                            entry("updatedAt", "TIMESTAMP"),
                            entry("metadata", "OBJECT"),
                            entry("customFields", "CUSTOM"));
        }

        @Test
        void articlesHaveTheContractsFieldsInCsvColumnOrder() {
            assertThat(fieldKinds(ARTICLES))
                    .containsExactly(
                            entry("id", "ID art_"),
                            entry("title", "TEXT"),
                            entry("slug", "TEXT"),
                            entry("content", "TEXT"),
                            entry("category", "TEXT"),
                            entry("status", "ENUM"),
                            entry("isPublic", "BOOLEAN"),
                            entry("tags", "TAGS"),
                            entry("seoTitle", "TEXT"),
                            entry("seoDescription", "TEXT"),
                            entry("viewCount", "INTEGER"),
                            entry("useCount", "INTEGER"),
                            entry("createdAt", "TIMESTAMP"),
                            entry("updatedAt", "TIMESTAMP"),
                            entry("publishedAt", "TIMESTAMP"));
        }

        @Test
        void messagesHaveTheContractsFieldsInCsvColumnOrder() {
            assertThat(fieldKinds(MESSAGES))
                    .containsExactly(
                            entry("id", "ID msg_"),
                            entry("ticketId", "ID tkt_"),
                            entry("sender", "ENUM"),
                            entry("authorId", "REF"),
                            entry("senderName", "TEXT"),
                            entry("isInternal", "BOOLEAN"),
                            entry("content", "TEXT"),
                            entry("createdAt", "TIMESTAMP"));
        }

        @Test
        void membersHaveTheContractsFieldsInCsvColumnOrder() {
            assertThat(fieldKinds(MEMBERS))
                    .containsExactly(
                            entry("id", "ID mem_"),
                            entry("name", "TEXT"),
                            entry("email", "TEXT"),
                            entry("role", "ENUM"),
                            entry("createdAt", "TIMESTAMP"));
        }

        @Test
        void ticketsAndCustomersHaveCustomFieldsAndMembersAreTheTeamsInBothModes() {
            assertThat(Arrays.stream(ResourceType.values()).filter(ResourceType::hasCustomFields))
                    .containsExactly(TICKETS, CUSTOMERS);
            assertThat(Arrays.stream(ResourceType.values()).filter(t -> !t.scopedByMode()))
                    .containsExactly(MEMBERS);
        }

        @ParameterizedTest
        @EnumSource(ResourceType.class)
        void indexesFieldsByTheirPositionAndFindsThemByName(ResourceType type) {
            List<Field> fields = type.fields();
            for (int i = 0; i < fields.size(); i++) {
                assertThat(fields.get(i).index()).isEqualTo(i);
                assertThat(type.field(fields.get(i).name())).containsSame(fields.get(i));
            }
            assertThat(type.field("colour")).isEmpty();
            assertThat(type.field(null)).isEmpty();
            assertThat(type.fields().get(0).idPrefix()).isEqualTo(type.idPrefix());
            assertThatThrownBy(() -> type.fields().add(fields.get(0)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void everyFieldNameIsCamelCase() {
            for (ResourceType type : ResourceType.values()) {
                assertThat(type.fields()).allSatisfy(f -> assertThat(f.name()).matches("[a-z][A-Za-z]*"));
            }
        }
    }

    @Nested
    class Filters {

        @Test
        void ticketsAcceptTheContractsFilters() {
            assertThat(TICKETS.filters().keySet())
                    .containsExactly(
                            "status",
                            "priority",
                            "customerId",
                            "assignedTo",
                            "tag",
                            "search",
                            "createdAfter",
                            "createdBefore",
                            "updatedAfter",
                            "updatedBefore");
            assertThat(TICKETS.filters().get("status").allowedValues())
                    .containsExactly("new", "open", "pending", "resolved", "closed");
            assertThat(TICKETS.filters().get("priority").allowedValues())
                    .containsExactly("low", "normal", "high", "urgent");
            assertThat(TICKETS.filters().get("customerId").idPrefix()).isEqualTo("cus_");
            assertThat(TICKETS.filters().get("assignedTo").idPrefix()).isEqualTo("mem_");
            assertThat(TICKETS.filters().get("search").targets()).containsExactly("title");
            assertThat(TICKETS.filters().get("tag").targets()).containsExactly("tags");
        }

        @Test
        void customersAcceptTheContractsFilters() {
            assertThat(CUSTOMERS.filters().keySet())
                    .containsExactly(
                            "status",
                            "sentiment",
                            "tag",
                            "search",
                            "createdAfter",
                            "createdBefore",
                            "updatedAfter",
                            "updatedBefore");
            assertThat(CUSTOMERS.filters().get("status").allowedValues()).containsExactly("active", "inactive");
            assertThat(CUSTOMERS.filters().get("sentiment").allowedValues())
                    .containsExactly("positive", "neutral", "negative");
            assertThat(CUSTOMERS.filters().get("search").targets()).containsExactly("name", "email");
        }

        @Test
        void articlesAcceptTheContractsFilters() {
            assertThat(ARTICLES.filters().keySet())
                    .containsExactly(
                            "status",
                            "category",
                            "isPublic",
                            "tag",
                            "search",
                            "createdAfter",
                            "createdBefore",
                            "updatedAfter",
                            "updatedBefore");
            assertThat(ARTICLES.filters().get("status").allowedValues())
                    .containsExactly("draft", "published", "archived");
            assertThat(ARTICLES.filters().get("search").targets()).containsExactly("title");
        }

        @Test
        void givesEveryFilterTheKindThatMatchesTheContract() {
            Map<String, FilterKind> common = Map.of(
                    "tag",
                    FilterKind.HAS_TAG,
                    "search",
                    FilterKind.SEARCH,
                    "createdAfter",
                    FilterKind.AT_OR_AFTER,
                    "createdBefore",
                    FilterKind.BEFORE,
                    "updatedAfter",
                    FilterKind.AT_OR_AFTER,
                    "updatedBefore",
                    FilterKind.BEFORE,
                    "status",
                    FilterKind.ANY_OF);
            for (ResourceType type : List.of(TICKETS, CUSTOMERS, ARTICLES)) {
                common.forEach(
                        (name, kind) -> assertThat(type.filters().get(name).kind())
                                .as("%s.%s", type, name)
                                .isEqualTo(kind));
                assertThat(type.filters().get("createdAfter").targets()).containsExactly("createdAt");
                assertThat(type.filters().get("createdBefore").targets()).containsExactly("createdAt");
                assertThat(type.filters().get("updatedAfter").targets()).containsExactly("updatedAt");
                assertThat(type.filters().get("updatedBefore").targets()).containsExactly("updatedAt");
            }
            assertThat(TICKETS.filters().get("priority").kind()).isEqualTo(FilterKind.ANY_OF);
            assertThat(TICKETS.filters().get("customerId").kind()).isEqualTo(FilterKind.ID_EQUALS);
            assertThat(TICKETS.filters().get("assignedTo").kind()).isEqualTo(FilterKind.ID_EQUALS);
            assertThat(CUSTOMERS.filters().get("sentiment").kind()).isEqualTo(FilterKind.ANY_OF);
            assertThat(ARTICLES.filters().get("category").kind()).isEqualTo(FilterKind.TEXT_EQUALS);
            assertThat(ARTICLES.filters().get("isPublic").kind()).isEqualTo(FilterKind.BOOLEAN_EQUALS);
            assertThat(MESSAGES.filters().get("ticketId").kind()).isEqualTo(FilterKind.ID_EQUALS);
            assertThat(MESSAGES.filters().get("sender").kind()).isEqualTo(FilterKind.ANY_OF);
            assertThat(MESSAGES.filters().get("isInternal").kind()).isEqualTo(FilterKind.BOOLEAN_EQUALS);
            assertThat(MEMBERS.filters().get("role").kind()).isEqualTo(FilterKind.ANY_OF);
            assertThat(MEMBERS.filters().get("search").kind()).isEqualTo(FilterKind.SEARCH);
            for (ResourceType type : List.of(MESSAGES, MEMBERS)) {
                assertThat(type.filters().get("createdAfter").kind()).isEqualTo(FilterKind.AT_OR_AFTER);
                assertThat(type.filters().get("createdBefore").kind()).isEqualTo(FilterKind.BEFORE);
            }
        }

        @Test
        void messagesAndMembersAcceptTheContractsFilters() {
            assertThat(MESSAGES.filters().keySet())
                    .containsExactly("ticketId", "sender", "isInternal", "createdAfter", "createdBefore");
            assertThat(MESSAGES.filters().get("ticketId").idPrefix()).isEqualTo("tkt_");
            assertThat(MESSAGES.filters().get("sender").allowedValues()).containsExactly("agent", "customer", "system");
            assertThat(MEMBERS.filters().keySet()).containsExactly("role", "search", "createdAfter", "createdBefore");
            assertThat(MEMBERS.filters().get("role").allowedValues())
                    .containsExactly("owner", "admin", "manager", "librarian", "agent", "spectator");
            assertThat(MEMBERS.filters().get("search").targets()).containsExactly("name", "email");
        }

        @ParameterizedTest
        @EnumSource(ResourceType.class)
        void filtersTargetExistingFieldsOfTheirKind(ResourceType type) {
            type.filters().forEach((name, definition) -> {
                assertThat(definition.name()).isEqualTo(name);
                for (String target : definition.targets()) {
                    Field field = type.field(target).orElseThrow(() -> new AssertionError(name + " -> " + target));
                    FieldKind expected = switch (definition.kind()) {
                        case ANY_OF -> FieldKind.ENUM;
                        case ID_EQUALS -> FieldKind.ID;
                        case TEXT_EQUALS, SEARCH -> FieldKind.TEXT;
                        case HAS_TAG -> FieldKind.TAGS;
                        case BOOLEAN_EQUALS -> FieldKind.BOOLEAN;
                        case AT_OR_AFTER, BEFORE -> FieldKind.TIMESTAMP;
                    };
                    assertThat(field.kind())
                            .as("%s.%s targets %s", type, name, target)
                            .isEqualTo(expected);
                    if (definition.kind() == FilterKind.ID_EQUALS) {
                        assertThat(field.idPrefix()).isEqualTo(definition.idPrefix());
                    }
                }
            });
            assertThatThrownBy(() -> type.filters().put("x", null)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Names {

        @Test
        void hasTheContractsWireNamesAndIdPrefixes() {
            assertThat(Arrays.stream(ResourceType.values()).map(ResourceType::wireName))
                    .containsExactly("tickets", "customers", "articles", "messages", "members");
            assertThat(Arrays.stream(ResourceType.values()).map(ResourceType::idPrefix))
                    .containsExactly("tkt_", "cus_", "art_", "msg_", "mem_");
            assertThat(ResourceType.wireNames()).isEqualTo("tickets, customers, articles, messages, members");
            assertThat(ResourceType.MAX_RESOURCES_PER_REQUEST).isEqualTo(5);
        }

        @Test
        void findsATypeByItsExactWireName() {
            assertThat(ResourceType.fromWireName("tickets")).contains(TICKETS);
            assertThat(ResourceType.fromWireName("Tickets")).isEmpty();
            assertThat(ResourceType.fromWireName("TICKETS")).isEmpty();
            assertThat(ResourceType.fromWireName(null)).isEmpty();
            assertThat(ResourceType.parse("articles", "resources[0].type")).isEqualTo(ARTICLES);
        }

        @Test
        void refusesAMissingOrUnknownType() {
            assertThatThrownBy(() -> ResourceType.parse(null, "resources[1].type"))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_MISSING);
                        assertThat(e.param()).isEqualTo("resources[1].type");
                    });
            assertThatThrownBy(() -> ResourceType.parse("ticket", "resources[1].type"))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo("resources[1].type");
                        assertThat(e.getMessage()).contains("tickets, customers, articles, messages, members");
                    });
        }
    }

    @Nested
    class SelectFields {

        @ParameterizedTest
        @EnumSource(ResourceType.class)
        void givesEveryFieldWhenNoneAreNamed(ResourceType type) {
            // without custom field definitions the group customFields stands alone
            assertThat(type.selectFields(null, "resources[0].fields")).isEqualTo(type.fields());
        }

        @Test
        void givesTheNamedFieldsInTheGivenOrder() {
            assertThat(TICKETS.selectFields(List.of("createdAt", "id", "title"), "resources[0].fields"))
                    .extracting(Field::name)
                    .containsExactly("createdAt", "id", "title");
            assertThat(CUSTOMERS.selectFields(List.of("email"), "resources[0].fields"))
                    .containsExactly(CUSTOMERS.field("email").orElseThrow());
        }

        @Test
        void refusesAnEmptyList() {
            assertThatThrownBy(() -> TICKETS.selectFields(List.of(), "resources[2].fields"))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo("resources[2].fields");
                    });
        }

        @Test
        void refusesAnUnknownFieldNamingItsPositionAndTheAllowedNames() {
            assertThatThrownBy(() -> TICKETS.selectFields(List.of("id", "title", "colour"), "resources[0].fields"))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo("resources[0].fields[2]");
                        assertThat(e.getMessage()).contains("colour").contains("id, title, status, priority");
                    });
        }

        @Test
        void refusesAFieldOfAnotherType() {
            assertThatThrownBy(() -> CUSTOMERS.selectFields(List.of("name", "title"), "resources[1].fields"))
                    .isInstanceOfSatisfying(
                            ExportException.class, e -> assertThat(e.param()).isEqualTo("resources[1].fields[1]"));
            assertThatThrownBy(() -> TICKETS.selectFields(List.of("Title"), "resources[0].fields"))
                    .isInstanceOfSatisfying(
                            ExportException.class, e -> assertThat(e.param()).isEqualTo("resources[0].fields[0]"));
        }

        @Test
        void refusesARepeatAtItsSecondPosition() {
            assertThatThrownBy(() -> TICKETS.selectFields(List.of("id", "title", "id"), "resources[0].fields"))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo("resources[0].fields[2]");
                        assertThat(e.getMessage()).contains("more than once");
                    });
        }

        @Test
        void refusesANullName() {
            List<String> names = new ArrayList<>(List.of("id"));
            names.add(null);
            assertThatThrownBy(() -> TICKETS.selectFields(names, "resources[0].fields"))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo("resources[0].fields[1]");
                    });
        }

        @Test
        void givesAnImmutableList() {
            List<String> names = new ArrayList<>(List.of("id", "title"));
            List<Field> selected = TICKETS.selectFields(names, "f");
            names.add("status");
            assertThat(selected).hasSize(2);
            assertThatThrownBy(() -> selected.add(TICKETS.fields().get(3)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
