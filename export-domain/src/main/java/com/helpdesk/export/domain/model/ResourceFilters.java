package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The validated filters of one resource in a request. Conditions are combined with AND. */
public record ResourceFilters(ResourceType type, List<FilterCondition> conditions) {

    /** The longest text a text filter takes. */
    public static final int MAX_TEXT_LENGTH = 200;

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public ResourceFilters {
        Objects.requireNonNull(type, "type");
        conditions = List.copyOf(conditions);
        Set<String> names = new LinkedHashSet<>();
        for (FilterCondition c : conditions) {
            if (type.filters().get(c.definition().name()) != c.definition()) {
                throw new IllegalArgumentException(c.definition().name() + " is not a filter of " + type.wireName());
            }
            if (!names.add(c.definition().name())) {
                throw new IllegalArgumentException(
                        "filter given twice: " + c.definition().name());
            }
        }
    }

    public static ResourceFilters none(ResourceType type) {
        return new ResourceFilters(type, List.of());
    }

    /**
     * Validates a request's raw filters object, as a JSON reader gives it: values are {@link String},
     * {@link Boolean}, {@link Number}, {@link List}, {@link Map} or {@code null}.
     *
     * @param param the request path of the filters object, for errors ({@code resources[0].filters})
     */
    public static ResourceFilters parse(ResourceType type, Map<String, ?> raw, String param) {
        if (raw == null) {
            return none(type);
        }
        List<FilterCondition> conditions = new ArrayList<>(raw.size());
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            String at = param + "." + entry.getKey();
            FilterDefinition definition = type.filters().get(entry.getKey());
            if (definition == null) {
                throw new ExportException(
                        ErrorCode.PARAMETER_UNKNOWN,
                        "Unknown filter '" + entry.getKey() + "' for " + type.wireName() + ". Allowed filters: "
                                + String.join(", ", type.filters().keySet()) + ".",
                        at);
            }
            conditions.add(condition(definition, entry.getValue(), at));
        }
        return new ResourceFilters(type, conditions);
    }

    private static FilterCondition condition(FilterDefinition definition, Object value, String at) {
        if (value == null) {
            throw ExportException.invalid(
                    at, "Filter '" + definition.name() + "' must not be null; leave it out instead.");
        }
        return switch (definition.kind()) {
            case ANY_OF -> new FilterCondition.AnyOf(definition, enumValues(definition, value, at));
            case ID_EQUALS -> new FilterCondition.IdEquals(definition, id(definition, value, at));
            case TEXT_EQUALS, HAS_TAG, SEARCH -> new FilterCondition.Text(definition, text(definition, value, at));
            case BOOLEAN_EQUALS -> {
                if (!(value instanceof Boolean b)) {
                    throw ExportException.invalid(at, "Filter '" + definition.name() + "' must be true or false.");
                }
                yield new FilterCondition.BooleanEquals(definition, b);
            }
            case AT_OR_AFTER, BEFORE -> new FilterCondition.TimeBound(definition, instant(definition, value, at));
        };
    }

    private static List<String> enumValues(FilterDefinition definition, Object value, String at) {
        String allowed = "Allowed values: " + String.join(", ", definition.allowedValues()) + ".";
        List<?> items;
        if (value instanceof String) {
            items = List.of(value);
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                throw ExportException.invalid(
                        at, "Filter '" + definition.name() + "' takes one value or a non-empty list. " + allowed);
            }
            items = list;
        } else {
            throw ExportException.invalid(
                    at, "Filter '" + definition.name() + "' takes a string or a list of strings. " + allowed);
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String itemAt = value instanceof List<?> ? at + "[" + i + "]" : at;
            if (!(item instanceof String s) || !definition.allowedValues().contains(s)) {
                throw ExportException.invalid(
                        itemAt,
                        "Invalid value " + describe(item) + " for filter '" + definition.name() + "'. " + allowed);
            }
            if (!values.add(s)) {
                throw ExportException.invalid(itemAt, "Value '" + s + "' is listed more than once.");
            }
        }
        return List.copyOf(values);
    }

    private static UUID id(FilterDefinition definition, Object value, String at) {
        if (!(value instanceof String s)) {
            throw ExportException.invalid(at, "Filter '" + definition.name() + "' takes one id as a string.");
        }
        return PublicId.parse(definition.idPrefix(), s)
                .orElseThrow(() -> ExportException.invalid(
                        at,
                        "Invalid id for filter '" + definition.name() + "': expected '" + definition.idPrefix()
                                + "' followed by 32 lower-case hex digits, or a UUID."));
    }

    private static String text(FilterDefinition definition, Object value, String at) {
        if (!(value instanceof String s)) {
            throw ExportException.invalid(at, "Filter '" + definition.name() + "' takes one string.");
        }
        if (s.isEmpty()) {
            throw ExportException.invalid(at, "Filter '" + definition.name() + "' must not be empty.");
        }
        if (s.length() > MAX_TEXT_LENGTH) {
            throw ExportException.invalid(
                    at, "Filter '" + definition.name() + "' is longer than " + MAX_TEXT_LENGTH + " characters.");
        }
        if (s.indexOf('\0') >= 0) {
            throw ExportException.invalid(at, "Filter '" + definition.name() + "' must not contain a NUL character.");
        }
        if (definition.kind() == FilterKind.HAS_TAG && s.chars().anyMatch(Character::isWhitespace)) {
            throw ExportException.invalid(at, "A tag never contains white space.");
        }
        return s;
    }

    private static Instant instant(FilterDefinition definition, Object value, String at) {
        String message = "Filter '" + definition.name()
                + "' takes an ISO-8601 instant with a zone offset, e.g. 2026-01-01T00:00:00Z.";
        if (!(value instanceof String s)) {
            throw ExportException.invalid(at, message);
        }
        Instant instant;
        try {
            instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s, Instant::from);
        } catch (DateTimeParseException e) {
            throw ExportException.invalid(at, message);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ExportException.invalid(
                    at,
                    "Filter '" + definition.name()
                            + "' must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.");
        }
        return instant;
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
