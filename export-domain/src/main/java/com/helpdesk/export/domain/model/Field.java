package com.helpdesk.export.domain.model;

import java.util.Objects;

/**
 * One exported field of a resource.
 *
 * @param name      the camelCase name used in JSON and as CSV header ({@code customFields.<key>} for a custom field)
 * @param kind      what kind of value it holds
 * @param idPrefix  for ID fields the public prefix ({@code tkt_}), otherwise {@code null}
 * @param index     the position of the field in its type's full field list; a custom field has the index of its
 *                  type's {@code customFields} group
 * @param custom    for a team's custom field its definition, otherwise {@code null}
 */
public record Field(String name, FieldKind kind, String idPrefix, int index, CustomFieldDefinition custom) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if ((kind == FieldKind.ID) != (idPrefix != null)) {
            throw new IllegalArgumentException("an ID field, and only an ID field, has a prefix: " + name);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        if (custom != null && (kind != custom.kind().valueKind() || !name.equals(CUSTOM_PREFIX + custom.key()))) {
            throw new IllegalArgumentException("a custom field is named and typed by its definition: " + name);
        }
    }

    /** How a custom field's name begins. */
    public static final String CUSTOM_PREFIX = "customFields.";

    /** A field of the type's own list. */
    public Field(String name, FieldKind kind, String idPrefix, int index) {
        this(name, kind, idPrefix, index, null);
    }

    /** The field of one custom field definition, in the group at {@code groupIndex}. */
    public static Field custom(CustomFieldDefinition definition, int groupIndex) {
        return new Field(CUSTOM_PREFIX + definition.key(), definition.kind().valueKind(), null, groupIndex, definition);
    }

    public boolean isCustom() {
        return custom != null;
    }
}
