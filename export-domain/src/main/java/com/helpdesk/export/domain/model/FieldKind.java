package com.helpdesk.export.domain.model;

/**
 * The kind of value a field holds, and so the Java type a {@link Row} gives for it:
 * ID {@link java.util.UUID}, TEXT and ENUM {@link String}, INTEGER {@link Integer}, BOOLEAN {@link Boolean},
 * TIMESTAMP {@link java.time.Instant}, TAGS {@code List<String>}. Any value may be {@code null} except TAGS.
 */
public enum FieldKind {
    ID, TEXT, ENUM, INTEGER, BOOLEAN, TIMESTAMP, TAGS;

    /** Text as a person typed it: the kinds a spreadsheet could mistake for a formula. */
    public boolean isFreeText() {
        return this == TEXT || this == ENUM || this == TAGS;
    }
}
