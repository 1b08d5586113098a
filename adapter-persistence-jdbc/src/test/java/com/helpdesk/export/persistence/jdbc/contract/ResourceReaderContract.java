package com.helpdesk.export.persistence.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.FilterCondition;
import com.helpdesk.export.domain.model.FilterDefinition;
import com.helpdesk.export.domain.model.FilterKind;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.PublicId;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of the {@link ResourceReader} port, for any implementation: extend it and say where the fixture
 * is. It uses the port only; what rows a filter must give is worked out here, in Java, from the full unfiltered
 * read, so that the fixture needs to tell only which ids each scope holds.
 *
 * <p>The fixture must hold rows of every type in {@link #scope()} and in each of {@link #otherScopes()}, with
 * some rows sharing their createdAt, and values for every filter to find (a tag, a customer, a time...).
 *
 * <p>Order: createdAt, then id, ascending; ids compare as unsigned 128-bit numbers, i.e. as their canonical
 * lower-case text (PostgreSQL's uuid order), not as {@link UUID#compareTo} (which compares signed longs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ResourceReaderContract {

    /** The small page size used to walk through every row by continuation. */
    protected static final int SMALL_LIMIT = 997;

    /** Text filters that look like SQL injection; they must be taken as plain text. */
    protected static final List<String> INJECTION_TEXTS = List.of(
            "' OR 1=1 --",
            "' OR '1'='1",
            "'; DROP TABLE tickets; --",
            "%' OR 1=1 --",
            "\\'; SELECT pg_sleep(1); --",
            "\") OR (\"1\"=\"1",
            "1; DELETE FROM customers");

    /** Injection-looking tags: a tag never holds white space, so neither do these. */
    protected static final List<String> INJECTION_TAGS = List.of("'OR'1'='1", "x');DROP--", "}'::text[]--", "%", "_");

    private static final Comparator<UUID> ID_ORDER = Comparator.comparing(UUID::toString);
    private static final Comparator<Item> ORDER =
            Comparator.comparing(Item::createdAt).thenComparing(Item::id, ID_ORDER);

    private final Map<Scope, Map<ResourceType, List<Item>>> everything = new HashMap<>();
    private final Map<Scope, Map<ResourceType, List<CustomFieldDefinition>>> definitions = new HashMap<>();

    /** The reader under test, over the fixture. */
    protected abstract ResourceReader reader();

    /** The scope most tests read: rows of every type, createdAt ties among them. */
    protected abstract Scope scope();

    /** Other scopes with rows of every type: the same team in the other mode, another team. */
    protected abstract List<Scope> otherScopes();

    /** The ids of every row of {@code type} in {@code scope}, as the fixture knows them (not through the reader). */
    protected abstract Set<UUID> fixtureIds(Scope scope, ResourceType type);

    /**
     * One row as the reader gave it: its key and its values, copied while the row was valid: the type's own fields by
     * index ({@code null} at the group {@code customFields}), the team's custom fields by key.
     */
    protected record Item(UUID id, Instant createdAt, List<Object> values, Map<String, Object> custom) {
        Cursor cursor(ResourceType type) {
            return new Cursor(type, createdAt, id);
        }
    }

    /** One query's summary and the rows its stream gave. */
    protected record Page(PageSummary summary, List<Item> items) {}

    // ------------------------------------------------------------------ order, completeness, ties

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void givesEveryRowOfTheScopeOnceOrderedByCreatedAtThenId(ResourceType type) {
        List<Item> all = all(scope(), type);

        assertThat(all).isNotEmpty();
        assertThat(ids(all)).hasSize(all.size()).isEqualTo(fixtureIds(scope(), type));
        for (int i = 1; i < all.size(); i++) {
            assertThat(ORDER.compare(all.get(i - 1), all.get(i)))
                    .as("row %d (%s) comes strictly after row %d (%s)", i, all.get(i), i - 1, all.get(i - 1))
                    .isNegative();
        }
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void rowsSharingTheirCreatedAtAreOrderedByIdAsUnsignedNumbers(ResourceType type) {
        List<Item> all = all(scope(), type);
        List<Item> sorted = new ArrayList<>(all);
        sorted.sort(ORDER);

        assertThat(ties(all)).as("the fixture has rows sharing their createdAt").isNotEmpty();
        assertThat(all).isEqualTo(sorted);
    }

    // ------------------------------------------------------------------ limit and summary

    static Stream<Arguments> limits() {
        return Arrays.stream(ResourceType.values())
                .flatMap(type -> Stream.of(1, 2, 3, 7, 100, 10_000).map(limit -> Arguments.of(type, limit)));
    }

    @ParameterizedTest(name = "{0}, limit {1}")
    @MethodSource("limits")
    void summaryTellsBeforeStreamingWhatTheStreamGives(ResourceType type, int limit) throws IOException {
        List<Item> all = all(scope(), type);

        Page page = page(scope(), query(type, ResourceFilters.none(type), Optional.empty(), limit));

        int expected = Math.min(limit, all.size());
        assertThat(page.items()).isEqualTo(all.subList(0, expected));
        assertThat(page.summary().rows()).isEqualTo(expected);
        assertThat(page.summary().hasMore()).isEqualTo(all.size() > limit);
        if (all.size() > limit) {
            assertThat(page.summary().nextCursor()).contains(all.get(limit - 1).cursor(type));
        } else {
            assertThat(page.summary().nextCursor()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void aPageOfExactlyTheRemainingRowsHasNoMore(ResourceType type) throws IOException {
        List<Item> all = all(scope(), type);

        Page page = page(scope(), query(type, ResourceFilters.none(type), Optional.empty(), all.size()));

        assertThat(page.summary()).isEqualTo(new PageSummary(all.size(), false, Optional.empty()));
        assertThat(page.items()).isEqualTo(all);
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void readingAgainInOneSnapshotGivesTheSame(ResourceType type) throws IOException {
        ResourceQuery query = query(type, ResourceFilters.none(type), Optional.empty(), 50);
        try (ReadSnapshot snapshot = reader().openSnapshot(scope(), Cancellation.never())) {
            Page first = page(snapshot, query);
            Page second = page(snapshot, query);

            assertThat(second).isEqualTo(first);
            assertThat(second.items()).hasSize(first.summary().rows());
        }
    }

    // ------------------------------------------------------------------ continuation

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void followingNextCursorGivesEveryRowExactlyOnceInOrder(ResourceType type) throws IOException {
        List<Item> all = all(scope(), type);
        List<Item> walked = new ArrayList<>();
        int pages = 0;
        Optional<Cursor> after = Optional.empty();
        try (ReadSnapshot snapshot = reader().openSnapshot(scope(), Cancellation.never())) {
            while (true) {
                Page page = page(snapshot, query(type, ResourceFilters.none(type), after, SMALL_LIMIT));
                pages++;
                walked.addAll(page.items());
                if (!page.summary().hasMore()) {
                    break;
                }
                assertThat(page.items()).hasSize(SMALL_LIMIT);
                after = page.summary().nextCursor();
                assertThat(pages).as("pages").isLessThanOrEqualTo(all.size() / SMALL_LIMIT + 1);
            }
        }

        assertThat(walked).isEqualTo(all);
        assertThat(pages).isEqualTo(Math.max(1, (all.size() + SMALL_LIMIT - 1) / SMALL_LIMIT));
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void aCursorInsideRowsSharingTheirCreatedAtContinuesByIdWithinThem(ResourceType type) throws IOException {
        List<Item> all = all(scope(), type);
        int tie = ties(all).get(0); // rows tie and tie + 1 share their createdAt
        Instant shared = all.get(tie).createdAt();

        assertThat(after(type, new Cursor(type, shared, all.get(tie).id()), 5))
                .isEqualTo(expectedAfter(all, all.get(tie).cursor(type), 5))
                .first()
                .isEqualTo(all.get(tie + 1));
        Cursor beforeAllIds = new Cursor(type, shared, new UUID(0L, 0L));
        assertThat(after(type, beforeAllIds, 5))
                .isEqualTo(expectedAfter(all, beforeAllIds, 5))
                .first()
                .extracting(Item::createdAt)
                .isEqualTo(shared);
        // ffffffff-...: the greatest id in unsigned order; a signed comparison would take it for the least
        Cursor afterAllIds = new Cursor(type, shared, new UUID(-1L, -1L));
        assertThat(after(type, afterAllIds, 5))
                .isEqualTo(expectedAfter(all, afterAllIds, 5))
                .allSatisfy(item -> assertThat(item.createdAt()).isAfter(shared));
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void aCursorAfterTheLastRowGivesAnEmptyPage(ResourceType type) throws IOException {
        List<Item> all = all(scope(), type);

        Page page = page(
                scope(),
                query(
                        type,
                        ResourceFilters.none(type),
                        Optional.of(all.get(all.size() - 1).cursor(type)),
                        10));

        assertThat(page.summary()).isEqualTo(new PageSummary(0, false, Optional.empty()));
        assertThat(page.items()).isEmpty();
    }

    // ------------------------------------------------------------------ filters

    @TestFactory
    Stream<DynamicContainer> everyFilterGivesExactlyTheMatchingRowsInOrder() {
        return Arrays.stream(ResourceType.values())
                .map(type -> DynamicContainer.dynamicContainer(
                        type.wireName(),
                        type.filters().values().stream()
                                .map(definition -> DynamicContainer.dynamicContainer(
                                        definition.name() + " (" + definition.kind() + ")",
                                        filterTests(type, definition)))));
    }

    private Stream<DynamicTest> filterTests(ResourceType type, FilterDefinition definition) {
        List<Item> all = all(scope(), type);
        List<FilterCondition> samples = samples(type, definition, all);
        Stream<DynamicTest> each = samples.stream()
                .map(condition -> DynamicTest.dynamicTest(
                        describe(condition),
                        () -> assertThat(ids(readAll(scope(), type, filters(type, condition), 10_000)))
                                .containsExactlyElementsOf(ids(expected(type, all, condition)))));
        DynamicTest exercised = DynamicTest.dynamicTest(
                "the fixture gives this filter rows to find",
                () -> assertThat(samples)
                        .anySatisfy(condition -> assertThat(expected(type, all, condition))
                                .isNotEmpty()
                                .hasSizeLessThan(all.size())));
        return Stream.concat(each, Stream.of(exercised));
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void filtersCombineWithAndAndWithTheCursor(ResourceType type) throws IOException {
        List<Item> all = all(scope(), type);
        List<FilterCondition> conditions = new ArrayList<>();
        for (FilterDefinition definition : type.filters().values()) {
            if (definition.kind() == FilterKind.ANY_OF) {
                conditions.add(new FilterCondition.AnyOf(
                        definition, definition.allowedValues().subList(0, 2)));
            } else if (definition.kind() == FilterKind.AT_OR_AFTER
                    && definition.targets().get(0).equals("createdAt")) {
                conditions.add(new FilterCondition.TimeBound(
                        definition, all.get(all.size() / 4).createdAt()));
            } else if (definition.kind() == FilterKind.BEFORE
                    && definition.targets().get(0).equals("createdAt")) {
                conditions.add(new FilterCondition.TimeBound(
                        definition, all.get(all.size() * 3 / 4).createdAt()));
            }
        }
        ResourceFilters filters = new ResourceFilters(type, conditions);
        List<Item> expected = all.stream()
                .filter(item -> conditions.stream().allMatch(c -> matches(type, item, c)))
                .toList();
        // pages of a few rows for a type of few rows (members), so that the walk takes several
        int limit = all.size() > 500 ? 25 : 1;
        assertThat(expected)
                .as("the fixture has rows for these filters")
                .hasSizeGreaterThan(limit)
                .hasSizeLessThan(all.size());

        assertThat(readAll(scope(), type, filters, limit)).isEqualTo(expected);
        Cursor middle = expected.get(expected.size() / 2).cursor(type);
        assertThat(page(scope(), query(type, filters, Optional.of(middle), 10)).items())
                .isEqualTo(
                        expected.subList(expected.size() / 2 + 1, Math.min(expected.size(), expected.size() / 2 + 11)));
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void aFilterThatMatchesNothingGivesAnEmptyPage(ResourceType type) throws IOException {
        FilterDefinition search = type.filters().get("search");
        ResourceFilters filters = search != null
                ? filters(type, new FilterCondition.Text(search, "no row holds " + UUID.randomUUID()))
                : filters(
                        type,
                        new FilterCondition.TimeBound(
                                type.filters().get("createdAfter"), Instant.parse("9999-01-01T00:00:00Z")));

        Page page = page(scope(), query(type, filters, Optional.empty(), 10));

        assertThat(page.summary()).isEqualTo(new PageSummary(0, false, Optional.empty()));
        assertThat(page.items()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void injectionLookingTextIsTakenAsPlainText(ResourceType type) {
        List<Item> all = all(scope(), type);
        for (FilterDefinition definition : type.filters().values()) {
            List<String> texts = switch (definition.kind()) {
                case SEARCH, TEXT_EQUALS -> INJECTION_TEXTS;
                case HAS_TAG -> INJECTION_TAGS;
                default -> List.of();
            };
            for (String text : texts) {
                FilterCondition condition = new FilterCondition.Text(definition, text);
                assertThat(ids(readAll(scope(), type, filters(type, condition), 10_000)))
                        .as("%s %s", definition.name(), text)
                        .containsExactlyElementsOf(ids(expected(type, all, condition)));
            }
        }
        // and nothing was changed or dropped on the way
        assertThat(ids(readAll(scope(), type, ResourceFilters.none(type), 10_000)))
                .isEqualTo(fixtureIds(scope(), type));
    }

    // ------------------------------------------------------------------ scope isolation

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void noRowOfAnotherTeamOrModeEverAppears(ResourceType type) throws IOException {
        Set<UUID> mine = ids(all(scope(), type));
        assertThat(otherScopes()).isNotEmpty();
        for (Scope other : otherScopes()) {
            List<Item> theirs = all(other, type);
            if (!type.scopedByMode() && other.team().equals(scope().team())) {
                // members are the team's: live and test keys see the same
                assertThat(theirs).as("rows of %s", other).isEqualTo(all(scope(), type));
                continue;
            }
            assertThat(ids(theirs))
                    .as("rows of %s", other)
                    .isNotEmpty()
                    .isEqualTo(fixtureIds(other, type))
                    .doesNotContainAnyElementsOf(mine);

            // a cursor taken from another scope's row only positions; rows still come from our scope
            Item foreign = theirs.get(theirs.size() / 2);
            Page page =
                    page(scope(), query(type, ResourceFilters.none(type), Optional.of(foreign.cursor(type)), 10_000));
            assertThat(page.items()).isEqualTo(expectedAfter(all(scope(), type), foreign.cursor(type), 10_000));
            assertThat(ids(page.items())).isSubsetOf(mine);

            // filtering on another scope's ids or values finds only our own rows
            for (FilterDefinition definition : type.filters().values()) {
                if (definition.kind() == FilterKind.ID_EQUALS || definition.kind() == FilterKind.TEXT_EQUALS) {
                    Object value = mostFrequent(
                            theirs, field(type, definition.targets().get(0)));
                    if (value == null) {
                        continue;
                    }
                    FilterCondition condition = definition.kind() == FilterKind.ID_EQUALS
                            ? new FilterCondition.IdEquals(definition, (UUID) value)
                            : new FilterCondition.Text(definition, (String) value);
                    assertThat(ids(readAll(scope(), type, filters(type, condition), 10_000)))
                            .isSubsetOf(mine)
                            .containsExactlyElementsOf(ids(expected(type, all(scope(), type), condition)));
                }
            }
        }
    }

    // ------------------------------------------------------------------ values

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void valuesHaveTheJavaTypeOfTheirFieldKind(ResourceType type) {
        List<Item> all = all(scope(), type);
        Set<Field> seenNull = new HashSet<>();
        List<CustomFieldDefinition> custom = definitions(scope(), type);
        Set<String> customSeen = new HashSet<>();
        Set<String> customSeenNull = new HashSet<>();
        for (Item item : all) {
            assertThat(item.custom().keySet())
                    .as("every defined custom field, in position order")
                    .containsExactlyElementsOf(
                            custom.stream().map(CustomFieldDefinition::key).toList());
            for (CustomFieldDefinition definition : custom) {
                Object value = item.custom().get(definition.key());
                if (value == null) {
                    customSeenNull.add(definition.key());
                } else {
                    customSeen.add(definition.key());
                    assertThat(value)
                            .as("custom field %s of %s", definition.key(), item.id())
                            .isInstanceOf(javaType(definition.kind().valueKind()));
                }
            }
            for (Field field : type.fields()) {
                if (field.kind() == FieldKind.CUSTOM) {
                    continue;
                }
                Object value = item.values().get(field.index());
                if (field.kind() == FieldKind.OBJECT) {
                    assertThat(value)
                            .as("metadata is an object")
                            .asString()
                            .startsWith("{")
                            .endsWith("}");
                }
                if (field.kind() == FieldKind.TAGS) {
                    assertThat(value).as("tags are never null").isInstanceOf(List.class);
                    assertThat((List<?>) value)
                            .allSatisfy(tag -> assertThat(tag)
                                    .isInstanceOf(String.class)
                                    .asString()
                                    .isNotEmpty()
                                    .doesNotContainAnyWhitespaces());
                } else if (value == null) {
                    seenNull.add(field);
                } else {
                    assertThat(value).as("%s of %s", field.name(), item.id()).isInstanceOf(javaType(field.kind()));
                }
            }
        }
        assertThat(seenNull).extracting(Field::name).doesNotContain("id", "createdAt", "updatedAt");
        if (type.hasCustomFields()) {
            assertThat(custom)
                    .as("the fixture defines custom fields of every kind for %s", type)
                    .extracting(CustomFieldDefinition::kind)
                    .containsAll(List.of(CustomFieldKind.values()));
            assertThat(customSeen)
                    .as("with values")
                    .containsAll(custom.stream().map(CustomFieldDefinition::key).toList());
            assertThat(customSeenNull).as("and records without").containsAll(customSeen);
        } else {
            assertThat(custom).isEmpty();
        }
    }

    // ------------------------------------------------------------------ custom fields, messages, members

    @Test
    void customFieldsAreTheTeamsAndTheSameInBothModesInPositionOrder() {
        for (ResourceType type : List.of(ResourceType.TICKETS, ResourceType.CUSTOMERS)) {
            List<CustomFieldDefinition> mine = definitions(scope(), type);
            assertThat(mine).extracting(CustomFieldDefinition::position).isSorted();
            for (Scope other : otherScopes()) {
                if (other.team().equals(scope().team())) {
                    assertThat(definitions(other, type)).isEqualTo(mine);
                } else {
                    assertThat(definitions(other, type)).doesNotContainAnyElementsOf(mine);
                }
            }
        }
    }

    @Test
    void everyTicketsMessageCountIsItsMessagesInTheSnapshotAndEveryMessageBelongsToATicketOfTheScope()
            throws IOException {
        for (Scope scope : scopes()) {
            Map<UUID, Integer> counted = new HashMap<>();
            Map<UUID, Integer> messageCounts = new HashMap<>();
            try (ReadSnapshot snapshot = reader().openSnapshot(scope, Cancellation.never())) {
                readInSnapshot(snapshot, scope, ResourceType.TICKETS)
                        .forEach(ticket -> messageCounts.put(ticket.id(), (Integer) ticket.values()
                                .get(field(ResourceType.TICKETS, "messageCount").index())));
                for (Item message : readInSnapshot(snapshot, scope, ResourceType.MESSAGES)) {
                    UUID ticket = (UUID) message.values()
                            .get(field(ResourceType.MESSAGES, "ticketId").index());
                    assertThat(messageCounts)
                            .as("the ticket of message %s is in %s", message.id(), scope)
                            .containsKey(ticket);
                    counted.merge(ticket, 1, Integer::sum);
                }
            }
            assertThat(counted).as("messages in %s", scope).isNotEmpty();
            messageCounts.forEach((ticket, count) -> assertThat(counted.getOrDefault(ticket, 0))
                    .as("messageCount of %s", ticket)
                    .isEqualTo(count));
        }
    }

    @Test
    void aMessagesAuthorIsAMemberOfTheTeamForAnAgentACustomerOfTheScopeForACustomerAndNoneForTheSystem() {
        for (Scope scope : scopes()) {
            Set<String> members = all(scope, ResourceType.MEMBERS).stream()
                    .map(m -> PublicId.format("mem_", m.id()))
                    .collect(Collectors.toSet());
            Set<String> customers = all(scope, ResourceType.CUSTOMERS).stream()
                    .map(c -> PublicId.format("cus_", c.id()))
                    .collect(Collectors.toSet());
            Map<String, Long> senders = new HashMap<>();
            for (Item message : all(scope, ResourceType.MESSAGES)) {
                String sender = (String) message.values()
                        .get(field(ResourceType.MESSAGES, "sender").index());
                Object author = message.values()
                        .get(field(ResourceType.MESSAGES, "authorId").index());
                senders.merge(sender, 1L, Long::sum);
                switch (sender) {
                    case "agent" ->
                        assertThat(members).as("author of %s", message.id()).contains((String) author);
                    case "customer" ->
                        assertThat(customers).as("author of %s", message.id()).contains((String) author);
                    default ->
                        assertThat(author)
                                .as("author of system message %s", message.id())
                                .isNull();
                }
            }
            assertThat(senders)
                    .as("the fixture has messages of every sender in %s", scope)
                    .containsOnlyKeys("agent", "customer", "system");
        }
    }

    private List<Scope> scopes() {
        List<Scope> scopes = new ArrayList<>(List.of(scope()));
        scopes.addAll(otherScopes());
        return scopes;
    }

    private List<Item> readInSnapshot(ReadSnapshot snapshot, Scope scope, ResourceType type) throws IOException {
        List<Item> items = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        while (true) {
            Page page = page(snapshot, query(scope, type, ResourceFilters.none(type), after, 10_000));
            items.addAll(page.items());
            if (!page.summary().hasMore()) {
                return items;
            }
            after = page.summary().nextCursor();
        }
    }

    @Test
    void allResourcesCanBeReadFromOneSnapshot() throws IOException {
        try (ReadSnapshot snapshot = reader().openSnapshot(scope(), Cancellation.never())) {
            for (ResourceType type : ResourceType.values()) {
                ResourceQuery query = query(type, ResourceFilters.none(type), Optional.empty(), 20);
                Page page = page(snapshot, query);
                assertThat(page.items())
                        .isEqualTo(all(scope(), type).subList(0, page.summary().rows()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void aQueryOfSomeFieldsGivesTheirValuesAsAQueryOfAllFieldsDoes(ResourceType type) throws IOException {
        List<Item> all = all(scope(), type);
        // every other field, in reverse order, without the order key: the reader must still continue correctly
        List<Field> some = new ArrayList<>();
        for (int i = type.fields().size() - 1; i >= 0; i -= 2) {
            Field field = type.fields().get(i);
            if (!field.name().equals("id") && !field.name().equals("createdAt") && field.kind() != FieldKind.CUSTOM) {
                some.add(field);
            }
        }
        // and the last custom field alone, where the type has one
        List<CustomFieldDefinition> custom = definitions(scope(), type);
        if (!custom.isEmpty()) {
            CustomFieldDefinition last = custom.get(custom.size() - 1);
            some.add(1, Field.custom(last, field(type, "customFields").index()));
        }
        List<List<Object>> read = new ArrayList<>();
        PageSummary summary;
        try (ReadSnapshot snapshot = reader().openSnapshot(scope(), Cancellation.never())) {
            summary = snapshot.read(
                    new ResourceQuery(type, ResourceFilters.none(type), some, Optional.empty(), 30), row -> {
                        List<Object> values = new ArrayList<>();
                        for (Field field : some) {
                            Object value = row.value(field);
                            values.add(value instanceof List<?> list ? List.copyOf(list) : value);
                        }
                        read.add(values);
                    });
        }
        int expected = Math.min(30, all.size());
        assertThat(read).hasSize(expected);
        for (int r = 0; r < expected; r++) {
            List<Object> whole = all.get(r).values();
            Item item = all.get(r);
            assertThat(read.get(r))
                    .isEqualTo(some.stream()
                            .map(f ->
                                    f.isCustom() ? item.custom().get(f.custom().key()) : whole.get(f.index()))
                            .toList());
        }
        assertThat(summary.nextCursor())
                .isEqualTo(all.size() > 30 ? Optional.of(all.get(29).cursor(type)) : Optional.empty());
    }

    @Test
    void closingASnapshotTwiceIsHarmless() {
        ReadSnapshot snapshot = reader().openSnapshot(scope(), Cancellation.never());
        snapshot.close();
        snapshot.close();
    }

    // ------------------------------------------------------------------ helpers

    protected static Class<?> javaType(FieldKind kind) {
        return switch (kind) {
            case ID -> UUID.class;
            case REF, TEXT, ENUM, OBJECT -> String.class;
            case INTEGER -> Integer.class;
            case NUMBER -> BigDecimal.class;
            case BOOLEAN -> Boolean.class;
            case TIMESTAMP -> Instant.class;
            case DATE -> LocalDate.class;
            case TAGS -> List.class;
            case CUSTOM -> throw new IllegalArgumentException("the group customFields holds no value");
        };
    }

    /** Every row of a type in a scope, read once per test instance by continuation with the largest page. */
    protected List<Item> all(Scope scope, ResourceType type) {
        return everything
                .computeIfAbsent(scope, s -> new EnumMap<>(ResourceType.class))
                .computeIfAbsent(type, t -> readAll(scope, t, ResourceFilters.none(t), 10_000));
    }

    protected List<Item> readAll(Scope scope, ResourceType type, ResourceFilters filters, int limit) {
        List<Item> items = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        try (ReadSnapshot snapshot = reader().openSnapshot(scope, Cancellation.never())) {
            for (int pages = 0; ; pages++) {
                assertThat(pages).as("pages").isLessThan(10_000);
                Page page = page(snapshot, query(scope, type, filters, after, limit));
                items.addAll(page.items());
                if (!page.summary().hasMore()) {
                    return items;
                }
                after = page.summary().nextCursor();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    protected Page page(Scope scope, ResourceQuery query) throws IOException {
        try (ReadSnapshot snapshot = reader().openSnapshot(scope, Cancellation.never())) {
            return page(snapshot, query);
        }
    }

    /** Reads one page, and checks that what the reader says of it agrees with the rows it gave. */
    protected static Page page(ReadSnapshot snapshot, ResourceQuery query) throws IOException {
        List<Item> items = new ArrayList<>();
        PageSummary summary = snapshot.read(query, row -> items.add(capture(query, row)));
        assertThat(items).as("rows read for %s", query).hasSize(summary.rows());
        assertThat(summary.rows()).isLessThanOrEqualTo(query.limit());
        if (summary.hasMore()) {
            assertThat(items).hasSize(query.limit());
            assertThat(summary.nextCursor())
                    .contains(items.get(items.size() - 1).cursor(query.type()));
        } else {
            assertThat(summary.nextCursor()).isEmpty();
        }
        return new Page(summary, items);
    }

    private List<Item> after(ResourceType type, Cursor cursor, int limit) throws IOException {
        return page(scope(), query(type, ResourceFilters.none(type), Optional.of(cursor), limit))
                .items();
    }

    private static List<Item> expectedAfter(List<Item> all, Cursor cursor, int limit) {
        Item key = new Item(cursor.id(), cursor.createdAt(), List.of(), Map.of());
        return all.stream()
                .filter(item -> ORDER.compare(item, key) > 0)
                .limit(limit)
                .toList();
    }

    private static Item capture(ResourceQuery query, Row row) {
        ResourceType type = query.type();
        List<Object> values = new ArrayList<>(Collections.nCopies(type.fields().size(), null));
        Map<String, Object> custom = new LinkedHashMap<>();
        for (Field field : query.fields()) {
            if (field.kind() == FieldKind.CUSTOM) {
                continue; // the group holds no value of its own
            }
            Object value = row.value(field);
            value = value instanceof List<?> list ? List.copyOf(list) : value;
            if (field.isCustom()) {
                custom.put(field.custom().key(), value);
            } else {
                values.set(field.index(), value);
            }
        }
        UUID id = (UUID) values.get(field(type, "id").index());
        Instant createdAt = (Instant) values.get(field(type, "createdAt").index());
        return new Item(
                Objects.requireNonNull(id, "id"),
                Objects.requireNonNull(createdAt, "createdAt"),
                Collections.unmodifiableList(values),
                Collections.unmodifiableMap(custom));
    }

    /** A query of every field of {@link #scope()}'s rows, its team's custom fields included. */
    protected ResourceQuery query(ResourceType type, ResourceFilters filters, Optional<Cursor> after, int limit) {
        return query(scope(), type, filters, after, limit);
    }

    protected ResourceQuery query(
            Scope scope, ResourceType type, ResourceFilters filters, Optional<Cursor> after, int limit) {
        return new ResourceQuery(
                type, filters, FieldSelection.all(type).resolve(definitions(scope, type)), after, limit);
    }

    /** The custom fields the reader says the scope's team defines for a type. */
    protected List<CustomFieldDefinition> definitions(Scope scope, ResourceType type) {
        return definitions
                .computeIfAbsent(scope, s -> new EnumMap<>(ResourceType.class))
                .computeIfAbsent(type, t -> {
                    try (ReadSnapshot snapshot = reader().openSnapshot(scope, Cancellation.never())) {
                        return snapshot.customFields(t);
                    }
                });
    }

    private static ResourceFilters filters(ResourceType type, FilterCondition condition) {
        return new ResourceFilters(type, List.of(condition));
    }

    private static Field field(ResourceType type, String name) {
        return type.field(name).orElseThrow();
    }

    private static Set<UUID> ids(List<Item> items) {
        return items.stream().map(Item::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Indexes i such that rows i and i + 1 share their createdAt. */
    private static List<Integer> ties(List<Item> all) {
        List<Integer> ties = new ArrayList<>();
        for (int i = 0; i + 1 < all.size(); i++) {
            if (all.get(i).createdAt().equals(all.get(i + 1).createdAt())) {
                ties.add(i);
            }
        }
        return ties;
    }

    private static List<Item> expected(ResourceType type, List<Item> all, FilterCondition condition) {
        return all.stream().filter(item -> matches(type, item, condition)).toList();
    }

    /** What a filter means, in Java: the oracle the reader is compared with. */
    protected static boolean matches(ResourceType type, Item item, FilterCondition condition) {
        FilterDefinition definition = condition.definition();
        Function<String, Object> value =
                name -> item.values().get(field(type, name).index());
        Object first = value.apply(definition.targets().get(0));
        if (condition instanceof FilterCondition.AnyOf anyOf) {
            return anyOf.values().contains(first);
        } else if (condition instanceof FilterCondition.IdEquals idEquals) {
            return idEquals.id().equals(first);
        } else if (condition instanceof FilterCondition.BooleanEquals bool) {
            return Boolean.valueOf(bool.value()).equals(first);
        } else if (condition instanceof FilterCondition.TimeBound bound) {
            Instant at = (Instant) first;
            return at != null
                    && (definition.kind() == FilterKind.AT_OR_AFTER
                            ? !at.isBefore(bound.instant())
                            : at.isBefore(bound.instant()));
        } else if (condition instanceof FilterCondition.Text text) {
            return switch (definition.kind()) {
                case TEXT_EQUALS -> text.text().equals(first);
                case HAS_TAG -> ((List<?>) first).contains(text.text());
                case SEARCH ->
                    definition.targets().stream()
                            .map(value)
                            .anyMatch(v -> v != null
                                    && ((String) v)
                                            .toLowerCase(Locale.ROOT)
                                            .contains(text.text().toLowerCase(Locale.ROOT)));
                default -> throw new IllegalArgumentException(definition.name());
            };
        }
        throw new IllegalArgumentException(condition.toString());
    }

    /** Conditions for a filter drawn from the data, with edge cases and injection-looking texts. */
    private static List<FilterCondition> samples(ResourceType type, FilterDefinition definition, List<Item> all) {
        List<FilterCondition> samples = new ArrayList<>();
        Field target = field(type, definition.targets().get(0));
        switch (definition.kind()) {
            case ANY_OF -> {
                for (String allowed : definition.allowedValues()) {
                    samples.add(new FilterCondition.AnyOf(definition, List.of(allowed)));
                }
                samples.add(new FilterCondition.AnyOf(
                        definition, definition.allowedValues().subList(0, 2)));
                samples.add(new FilterCondition.AnyOf(definition, definition.allowedValues()));
            }
            case ID_EQUALS -> {
                Object frequent = mostFrequent(all, target);
                if (frequent != null) {
                    samples.add(new FilterCondition.IdEquals(definition, (UUID) frequent));
                }
                samples.add(new FilterCondition.IdEquals(
                        definition, all.get(all.size() / 2).id()));
                samples.add(new FilterCondition.IdEquals(definition, UUID.nameUUIDFromBytes(new byte[] {42})));
            }
            case TEXT_EQUALS -> {
                Object frequent = mostFrequent(all, target);
                if (frequent != null) {
                    samples.add(new FilterCondition.Text(definition, (String) frequent));
                    samples.add(new FilterCondition.Text(definition, ((String) frequent).toUpperCase(Locale.ROOT)));
                }
                INJECTION_TEXTS.forEach(text -> samples.add(new FilterCondition.Text(definition, text)));
            }
            case HAS_TAG -> {
                Map<String, Long> counts = all.stream()
                        .flatMap(item -> ((List<?>) item.values().get(target.index()))
                                .stream().map(String.class::cast))
                        .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey)
                        .forEach(tag -> samples.add(new FilterCondition.Text(definition, tag)));
                samples.add(new FilterCondition.Text(definition, "no-such-tag"));
                INJECTION_TAGS.forEach(tag -> samples.add(new FilterCondition.Text(definition, tag)));
            }
            case SEARCH -> {
                for (String name : definition.targets()) {
                    Object sample = all.stream()
                            .map(item -> item.values().get(field(type, name).index()))
                            .filter(Objects::nonNull)
                            .skip(all.size() / 3)
                            .findFirst()
                            .orElse(null);
                    if (sample != null) {
                        String text = (String) sample;
                        int[] codePoints = text.codePoints().toArray();
                        int from = codePoints.length / 3;
                        String piece = new String(codePoints, from, Math.min(5, codePoints.length - from));
                        if (!piece.isBlank()) {
                            samples.add(new FilterCondition.Text(definition, piece.toUpperCase(Locale.ROOT)));
                            samples.add(new FilterCondition.Text(definition, piece.toLowerCase(Locale.ROOT)));
                        }
                    }
                }
                Stream.of(
                                "%",
                                "_",
                                "\\",
                                "\"",
                                "'",
                                ",",
                                "café",
                                "CAFÉ",
                                "ÜBER",
                                "日本語",
                                "🎉",
                                "=",
                                "@",
                                "+",
                                "-",
                                "\t",
                                "\r\n",
                                "a_b",
                                "50%",
                                "example.com")
                        .forEach(text -> samples.add(new FilterCondition.Text(definition, text)));
                INJECTION_TEXTS.forEach(text -> samples.add(new FilterCondition.Text(definition, text)));
            }
            case BOOLEAN_EQUALS -> {
                samples.add(new FilterCondition.BooleanEquals(definition, true));
                samples.add(new FilterCondition.BooleanEquals(definition, false));
            }
            case AT_OR_AFTER, BEFORE -> {
                List<Instant> times = all.stream()
                        .map(item -> (Instant) item.values().get(target.index()))
                        .filter(Objects::nonNull)
                        .sorted()
                        .toList();
                Instant middle = times.get(times.size() / 2);
                for (Instant instant : List.of(
                        middle,
                        middle.plusNanos(1),
                        middle.minusNanos(1),
                        middle.plusNanos(999),
                        times.get(0),
                        times.get(times.size() - 1),
                        Instant.parse("0001-01-01T00:00:00Z"),
                        Instant.parse("9999-12-31T23:59:59.999999Z"))) {
                    samples.add(new FilterCondition.TimeBound(definition, instant));
                }
            }
        }
        return samples;
    }

    private static Object mostFrequent(List<Item> items, Field field) {
        return items.stream()
                .map(item -> item.values().get(field.index()))
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(v -> v, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.<Object, Long>comparingByValue()
                        .thenComparing(e -> e.getKey().toString(), Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static String describe(FilterCondition condition) {
        if (condition instanceof FilterCondition.AnyOf anyOf) {
            return condition.definition().name() + " in " + anyOf.values();
        } else if (condition instanceof FilterCondition.IdEquals idEquals) {
            return condition.definition().name() + " = " + idEquals.id();
        } else if (condition instanceof FilterCondition.Text text) {
            return condition.definition().name() + " '"
                    + text.text().replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "'";
        } else if (condition instanceof FilterCondition.BooleanEquals bool) {
            return condition.definition().name() + " = " + bool.value();
        } else if (condition instanceof FilterCondition.TimeBound bound) {
            return condition.definition().name() + " " + bound.instant();
        }
        return condition.toString();
    }
}
