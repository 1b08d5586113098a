package com.helpdesk.export.domain.model;

import java.util.Optional;

/** The kinds of a team's custom field (text, number, boolean, date, select), and the kind of value each gives. */
public enum CustomFieldKind {
    TEXT("text", FieldKind.TEXT),
    NUMBER("number", FieldKind.NUMBER),
    BOOLEAN("boolean", FieldKind.BOOLEAN),
    DATE("date", FieldKind.DATE),
    SELECT("select", FieldKind.ENUM);

    private final String wireName;
    private final FieldKind valueKind;

    CustomFieldKind(String wireName, FieldKind valueKind) {
        this.wireName = wireName;
        this.valueKind = valueKind;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind of the values of a field of this kind: text and select are free text, the others never altered. */
    public FieldKind valueKind() {
        return valueKind;
    }

    public static Optional<CustomFieldKind> fromWireName(String name) {
        for (CustomFieldKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
