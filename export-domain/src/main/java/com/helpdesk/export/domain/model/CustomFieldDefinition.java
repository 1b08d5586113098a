package com.helpdesk.export.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field a team defines for its tickets or customers, exported in the record's {@code customFields} group.
 *
 * @param key      {@code [a-z][a-z0-9_]{0,39}}; the field is {@code customFields.<key>}
 * @param label    what people see
 * @param position where it stands among the type's custom fields (ascending)
 */
public record CustomFieldDefinition(String key, String label, CustomFieldKind kind, int position) {

    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public CustomFieldDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a custom field key is [a-z][a-z0-9_]{0,39}, not " + key);
        }
    }
}
