package com.helpdesk.export.domain.model;

import static com.helpdesk.export.domain.model.ResourceType.ARTICLES;
import static com.helpdesk.export.domain.model.ResourceType.CUSTOMERS;
import static com.helpdesk.export.domain.model.ResourceType.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceFiltersTest {

    private static final String AT = "resources[0].filters";

    private static ResourceFilters parse(ResourceType type, String key, Object value) {
        Map<String, Object> raw = new HashMap<>();
        raw.put(key, value);
        return ResourceFilters.parse(type, raw, AT);
    }

    private static FilterCondition single(ResourceType type, String key, Object value) {
        ResourceFilters filters = parse(type, key, value);
        assertThat(filters.type()).isEqualTo(type);
        assertThat(filters.conditions()).hasSize(1);
        FilterCondition condition = filters.conditions().get(0);
        assertThat(condition.definition()).isSameAs(type.filters().get(key));
        return condition;
    }

    private static ExportException rejected(ThrowingCallable call, ErrorCode code, String param) {
        ExportException[] caught = new ExportException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.param()).isEqualTo(param);
            caught[0] = e;
        });
        return caught[0];
    }

    private static ExportException invalid(ResourceType type, String key, Object value, String param) {
        return rejected(() -> parse(type, key, value), ErrorCode.PARAMETER_INVALID, param);
    }

    @Nested
    class Whole {

        @Test
        void takesNoFiltersAsNone() {
            assertThat(ResourceFilters.parse(TICKETS, null, AT)).isEqualTo(ResourceFilters.none(TICKETS));
            assertThat(ResourceFilters.parse(TICKETS, Map.of(), AT).conditions())
                    .isEmpty();
        }

        @Test
        void combinesSeveralFiltersInTheGivenOrder() {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("status", List.of("open", "pending"));
            raw.put("createdAfter", "2026-01-01T00:00:00Z");
            raw.put("search", "printer");
            ResourceFilters filters = ResourceFilters.parse(TICKETS, raw, AT);
            assertThat(filters.conditions())
                    .extracting(c -> c.definition().name())
                    .containsExactly("status", "createdAfter", "search");
        }

        @Test
        void refusesAnUnknownKeyNamingItsPath() {
            ExportException e = rejected(
                    () -> parse(TICKETS, "colour", "red"), ErrorCode.PARAMETER_UNKNOWN, "resources[0].filters.colour");
            assertThat(e.getMessage()).contains("colour").contains("status, priority, customerId");
        }

        @Test
        void refusesAFilterOfAnotherType() {
            rejected(
                    () -> parse(CUSTOMERS, "priority", "high"),
                    ErrorCode.PARAMETER_UNKNOWN,
                    "resources[0].filters.priority");
            rejected(
                    () -> parse(TICKETS, "isPublic", true),
                    ErrorCode.PARAMETER_UNKNOWN,
                    "resources[0].filters.isPublic");
            rejected(
                    () -> parse(ARTICLES, "sentiment", "neutral"),
                    ErrorCode.PARAMETER_UNKNOWN,
                    "resources[0].filters.sentiment");
            rejected(
                    () -> parse(TICKETS, "Status", "open"), ErrorCode.PARAMETER_UNKNOWN, "resources[0].filters.Status");
        }

        @Test
        void usesTheGivenPathForErrors() {
            rejected(
                    () -> ResourceFilters.parse(CUSTOMERS, Map.of("colour", 1), "resources[2].filters"),
                    ErrorCode.PARAMETER_UNKNOWN,
                    "resources[2].filters.colour");
        }

        @Test
        void refusesANullValue() {
            invalid(TICKETS, "status", null, AT + ".status");
            invalid(TICKETS, "search", null, AT + ".search");
        }

        @Test
        void checksConditionsWhenBuiltDirectly() {
            FilterCondition status = single(TICKETS, "status", "open");
            assertThatThrownBy(() -> new ResourceFilters(CUSTOMERS, List.of(status)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ResourceFilters(TICKETS, List.of(status, status)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Enumerated {

        @Test
        void takesOneValue() {
            assertThat(single(TICKETS, "status", "open"))
                    .isEqualTo(new FilterCondition.AnyOf(TICKETS.filters().get("status"), List.of("open")));
        }

        @Test
        void takesAListOfValues() {
            FilterCondition c = single(TICKETS, "priority", List.of("urgent", "low"));
            assertThat(((FilterCondition.AnyOf) c).values()).containsExactly("urgent", "low");
            assertThat(((FilterCondition.AnyOf)
                                    single(CUSTOMERS, "sentiment", List.of("positive", "neutral", "negative")))
                            .values())
                    .hasSize(3);
            assertThat(((FilterCondition.AnyOf) single(ARTICLES, "status", "archived")).values())
                    .containsExactly("archived");
        }

        @Test
        void refusesAnUnknownValueListingTheAllowedOnes() {
            ExportException e = invalid(TICKETS, "status", "opened", AT + ".status");
            assertThat(e.getMessage()).contains("'opened'").contains("new, open, pending, resolved, closed");
            e = invalid(TICKETS, "priority", List.of("low", "critical"), AT + ".priority[1]");
            assertThat(e.getMessage()).contains("low, normal, high, urgent");
            e = invalid(CUSTOMERS, "sentiment", "angry", AT + ".sentiment");
            assertThat(e.getMessage()).contains("positive, neutral, negative");
            e = invalid(CUSTOMERS, "status", "Active", AT + ".status");
            assertThat(e.getMessage()).contains("active, inactive");
            e = invalid(ARTICLES, "status", "deleted", AT + ".status");
            assertThat(e.getMessage()).contains("draft, published, archived");
        }

        @Test
        void refusesAnEmptyListListingTheAllowedValues() {
            ExportException e = invalid(TICKETS, "status", List.of(), AT + ".status");
            assertThat(e.getMessage()).contains("new, open, pending, resolved, closed");
        }

        @Test
        void refusesWrongJsonTypesListingTheAllowedValues() {
            for (Object value : List.of(1, true, Map.of("eq", "open"), new BigDecimal("1.5"))) {
                ExportException e = invalid(TICKETS, "status", value, AT + ".status");
                assertThat(e.getMessage()).contains("new, open, pending, resolved, closed");
            }
            invalid(TICKETS, "status", List.of("open", 3), AT + ".status[1]");
            invalid(TICKETS, "status", List.of(List.of("open")), AT + ".status[0]");
            invalid(TICKETS, "status", Arrays.asList("open", null), AT + ".status[1]");
        }

        @Test
        void refusesARepeatedValue() {
            ExportException e = invalid(TICKETS, "status", List.of("open", "pending", "open"), AT + ".status[2]");
            assertThat(e.getMessage()).contains("more than once");
        }
    }

    @Nested
    class Ids {

        private static final UUID ID = UUID.fromString("0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8");

        @Test
        void takesAPrefixedId() {
            assertThat(single(TICKETS, "customerId", "cus_0f3c2a1b4d5e6f708192a3b4c5d6e7f8"))
                    .isEqualTo(new FilterCondition.IdEquals(TICKETS.filters().get("customerId"), ID));
            assertThat(((FilterCondition.IdEquals)
                                    single(TICKETS, "assignedTo", "mem_0f3c2a1b4d5e6f708192a3b4c5d6e7f8"))
                            .id())
                    .isEqualTo(ID);
        }

        @Test
        void takesAPlainUuidInAnyCase() {
            assertThat(((FilterCondition.IdEquals) single(TICKETS, "customerId", ID.toString())).id())
                    .isEqualTo(ID);
            assertThat(((FilterCondition.IdEquals)
                                    single(TICKETS, "assignedTo", ID.toString().toUpperCase()))
                            .id())
                    .isEqualTo(ID);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "cus_",
                    "mem_0f3c2a1b4d5e6f708192a3b4c5d6e7f8",
                    "tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8",
                    "cus_0F3C2A1B4D5E6F708192A3B4C5D6E7F8",
                    "cus_0f3c2a1b4d5e6f708192a3b4c5d6e7f",
                    "cus_0f3c2a1b4d5e6f708192a3b4c5d6e7f80",
                    "cus_0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8",
                    "0f3c2a1b4d5e6f708192a3b4c5d6e7f8",
                    "1-2-3-4-5",
                    " 0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8",
                    "cus_0f3c2a1b4d5e6f708192a3b4c5d6e7fg"
                })
        void refusesAMalformedId(String value) {
            ExportException e = invalid(TICKETS, "customerId", value, AT + ".customerId");
            assertThat(e.getMessage()).contains("cus_");
        }

        @Test
        void refusesANonString() {
            invalid(TICKETS, "customerId", 12, AT + ".customerId");
            invalid(TICKETS, "assignedTo", List.of(ID.toString()), AT + ".assignedTo");
        }
    }

    @Nested
    class Texts {

        @Test
        void takesATagASearchAndACategory() {
            assertThat(single(TICKETS, "tag", "billing"))
                    .isEqualTo(new FilterCondition.Text(TICKETS.filters().get("tag"), "billing"));
            assertThat(((FilterCondition.Text) single(CUSTOMERS, "search", "Ann Smith")).text())
                    .isEqualTo("Ann Smith");
            assertThat(((FilterCondition.Text) single(ARTICLES, "category", " How to ")).text())
                    .isEqualTo(" How to ");
            assertThat(((FilterCondition.Text) single(ARTICLES, "tag", "ünïcode-😀")).text())
                    .isEqualTo("ünïcode-😀");
        }

        @Test
        void takesTextUpToTheMaximumLength() {
            String longest = "x".repeat(ResourceFilters.MAX_TEXT_LENGTH);
            assertThat(((FilterCondition.Text) single(TICKETS, "search", longest)).text())
                    .isEqualTo(longest);
            assertThat(ResourceFilters.MAX_TEXT_LENGTH).isEqualTo(200);
        }

        @Test
        void refusesTooLongText() {
            String tooLong = "x".repeat(ResourceFilters.MAX_TEXT_LENGTH + 1);
            invalid(TICKETS, "search", tooLong, AT + ".search");
            invalid(ARTICLES, "category", tooLong, AT + ".category");
            invalid(CUSTOMERS, "tag", tooLong, AT + ".tag");
        }

        @Test
        void refusesEmptyTextAndNul() {
            invalid(TICKETS, "search", "", AT + ".search");
            invalid(TICKETS, "tag", "", AT + ".tag");
            invalid(ARTICLES, "category", "a\0b", AT + ".category");
        }

        @ParameterizedTest
        @ValueSource(strings = {"two words", " lead", "trail ", "tab\there", "new\nline", "cr\r", "\u2003em"})
        void refusesWhiteSpaceInATag(String tag) {
            ExportException e = invalid(TICKETS, "tag", tag, AT + ".tag");
            assertThat(e.getMessage()).contains("white space");
        }

        @Test
        void allowsWhiteSpaceInASearchOrCategory() {
            assertThat(((FilterCondition.Text) single(TICKETS, "search", "two words")).text())
                    .isEqualTo("two words");
            assertThat(((FilterCondition.Text) single(ARTICLES, "category", "a\tb")).text())
                    .isEqualTo("a\tb");
        }

        @Test
        void refusesNonStrings() {
            invalid(TICKETS, "search", 5, AT + ".search");
            invalid(TICKETS, "tag", List.of("a", "b"), AT + ".tag");
            invalid(ARTICLES, "category", true, AT + ".category");
            invalid(ARTICLES, "category", Map.of(), AT + ".category");
        }
    }

    @Nested
    class Booleans {

        @Test
        void takesTrueAndFalse() {
            assertThat(single(ARTICLES, "isPublic", true))
                    .isEqualTo(
                            new FilterCondition.BooleanEquals(ARTICLES.filters().get("isPublic"), true));
            assertThat(((FilterCondition.BooleanEquals) single(ARTICLES, "isPublic", false)).value())
                    .isFalse();
        }

        @Test
        void refusesAnythingElse() {
            for (Object value : List.of("true", "false", 1, 0, List.of(true), "yes")) {
                invalid(ARTICLES, "isPublic", value, AT + ".isPublic");
            }
        }
    }

    @Nested
    class Times {

        @Test
        void takesAnInstantWithZOrAnOffset() {
            assertThat(single(TICKETS, "createdAfter", "2026-01-01T00:00:00Z"))
                    .isEqualTo(new FilterCondition.TimeBound(
                            TICKETS.filters().get("createdAfter"), Instant.parse("2026-01-01T00:00:00Z")));
            assertThat(((FilterCondition.TimeBound) single(CUSTOMERS, "updatedBefore", "2026-01-01T02:00:00+02:00"))
                            .instant())
                    .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(((FilterCondition.TimeBound) single(ARTICLES, "createdBefore", "2026-01-01T00:00:00.123456Z"))
                            .instant())
                    .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
            assertThat(((FilterCondition.TimeBound) single(TICKETS, "updatedAfter", "2026-01-01T00:00Z")).instant())
                    .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        }

        @Test
        void takesTheEdgesOfTheAllowedRange() {
            assertThat(((FilterCondition.TimeBound) single(TICKETS, "createdAfter", "0001-01-01T00:00:00Z")).instant())
                    .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
            assertThat(((FilterCondition.TimeBound) single(TICKETS, "createdBefore", "9999-12-31T23:59:59Z")).instant())
                    .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "2026-01-01",
                    "2026-01-01T00:00:00",
                    "2026-13-01T00:00:00Z",
                    "2026-02-30T00:00:00Z",
                    "2026-01-01 00:00:00Z",
                    "yesterday",
                    "",
                    "1735689600",
                    "2026-01-01T25:00:00Z",
                    "0000-12-31T23:59:59Z",
                    "+10000-01-01T00:00:00Z",
                    "0001-01-01T00:00:00+01:00"
                })
        void refusesABadOrOutOfRangeTime(String value) {
            ExportException e = invalid(TICKETS, "createdAfter", value, AT + ".createdAfter");
            assertThat(e.getMessage()).contains("createdAfter");
        }

        @Test
        void refusesNonStrings() {
            invalid(TICKETS, "updatedBefore", 1735689600, AT + ".updatedBefore");
            invalid(TICKETS, "updatedBefore", List.of("2026-01-01T00:00:00Z"), AT + ".updatedBefore");
        }
    }

    @Test
    void keepsTheConditionsImmutable() {
        List<FilterCondition> conditions =
                new ArrayList<>(parse(TICKETS, "tag", "a").conditions());
        ResourceFilters filters = new ResourceFilters(TICKETS, conditions);
        conditions.clear();
        assertThat(filters.conditions()).hasSize(1);
    }
}
