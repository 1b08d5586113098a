package com.helpdesk.export.domain.model;

import java.util.Objects;

/**
 * One exported field of a resource type.
 *
 * @param name     the camelCase name used in JSON and as CSV header
 * @param kind     what kind of value it holds
 * @param idPrefix for ID fields the public prefix ({@code tkt_}), otherwise {@code null}
 * @param index    the position of the field in its type's full field list
 */
public record Field(String name, FieldKind kind, String idPrefix, int index) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if ((kind == FieldKind.ID) != (idPrefix != null)) {
            throw new IllegalArgumentException("an ID field, and only an ID field, has a prefix: " + name);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
    }
}
