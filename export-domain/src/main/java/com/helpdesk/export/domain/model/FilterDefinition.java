package com.helpdesk.export.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * A filter a resource type accepts.
 *
 * @param name          the key in the request's {@code filters} object
 * @param kind          how it compares
 * @param targets       the fields it applies to (more than one only for SEARCH)
 * @param allowedValues for ANY_OF the permitted values, in documentation order; empty otherwise
 * @param idPrefix      for ID_EQUALS the accepted public prefix; {@code null} otherwise
 */
public record FilterDefinition(
        String name, FilterKind kind, List<String> targets, List<String> allowedValues, String idPrefix) {
    public FilterDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        targets = List.copyOf(targets);
        allowedValues = List.copyOf(allowedValues);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a filter applies to at least one field: " + name);
        }
        if ((kind == FilterKind.ANY_OF) == allowedValues.isEmpty()) {
            throw new IllegalArgumentException("only ANY_OF filters, and all of them, list allowed values: " + name);
        }
        if ((kind == FilterKind.ID_EQUALS) != (idPrefix != null)) {
            throw new IllegalArgumentException("only ID_EQUALS filters, and all of them, have a prefix: " + name);
        }
    }

    static FilterDefinition anyOf(String name, String target, String... allowed) {
        return new FilterDefinition(name, FilterKind.ANY_OF, List.of(target), List.of(allowed), null);
    }

    static FilterDefinition id(String name, String target, String prefix) {
        return new FilterDefinition(name, FilterKind.ID_EQUALS, List.of(target), List.of(), prefix);
    }

    static FilterDefinition of(String name, FilterKind kind, String... targets) {
        return new FilterDefinition(name, kind, List.of(targets), List.of(), null);
    }
}
