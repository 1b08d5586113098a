package com.helpdesk.export.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One validated filter of a request, typed by what it compares. */
public sealed interface FilterCondition {

    FilterDefinition definition();

    /** The field is one of {@code values} (a non-empty list of allowed values, no repeats). */
    record AnyOf(FilterDefinition definition, List<String> values) implements FilterCondition {
        public AnyOf {
            requireKind(definition, FilterKind.ANY_OF);
            values = List.copyOf(values);
            if (values.isEmpty() || !definition.allowedValues().containsAll(values)) {
                throw new IllegalArgumentException("values must be a non-empty subset of the allowed values");
            }
        }
    }

    record IdEquals(FilterDefinition definition, UUID id) implements FilterCondition {
        public IdEquals {
            requireKind(definition, FilterKind.ID_EQUALS);
            Objects.requireNonNull(id, "id");
        }
    }

    /** Exact text ({@code TEXT_EQUALS}), a tag ({@code HAS_TAG}) or a search term ({@code SEARCH}). */
    record Text(FilterDefinition definition, String text) implements FilterCondition {
        public Text {
            Objects.requireNonNull(definition, "definition");
            if (definition.kind() != FilterKind.TEXT_EQUALS
                    && definition.kind() != FilterKind.HAS_TAG
                    && definition.kind() != FilterKind.SEARCH) {
                throw new IllegalArgumentException("not a text filter: " + definition.name());
            }
            Objects.requireNonNull(text, "text");
        }
    }

    record BooleanEquals(FilterDefinition definition, boolean value) implements FilterCondition {
        public BooleanEquals {
            requireKind(definition, FilterKind.BOOLEAN_EQUALS);
        }
    }

    /** {@code AT_OR_AFTER} (inclusive) or {@code BEFORE} (exclusive) an instant. */
    record TimeBound(FilterDefinition definition, Instant instant) implements FilterCondition {
        public TimeBound {
            Objects.requireNonNull(definition, "definition");
            if (definition.kind() != FilterKind.AT_OR_AFTER && definition.kind() != FilterKind.BEFORE) {
                throw new IllegalArgumentException("not a time filter: " + definition.name());
            }
            Objects.requireNonNull(instant, "instant");
        }
    }

    private static void requireKind(FilterDefinition definition, FilterKind kind) {
        Objects.requireNonNull(definition, "definition");
        if (definition.kind() != kind) {
            throw new IllegalArgumentException(definition.name() + " is not a " + kind + " filter");
        }
    }
}
