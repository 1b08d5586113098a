package com.helpdesk.export.domain.model;

/**
 * The kind of value a field holds, and so the Java type a {@link Row} gives for it: ID {@link java.util.UUID}; REF
 * {@link String} (a public id already written out, whose prefix depends on the row: {@code mem_…} or {@code cus_…});
 * TEXT and ENUM {@link String}; INTEGER {@link Integer}; NUMBER {@link java.math.BigDecimal}; BOOLEAN
 * {@link Boolean}; TIMESTAMP {@link java.time.Instant}; DATE {@link java.time.LocalDate}; TAGS {@code List<String>};
 * OBJECT {@link String} (a JSON object's text). Any value may be {@code null} except TAGS. CUSTOM names the group of
 * a team's custom fields, which a request's field list expands into one field per definition.
 */
public enum FieldKind {
    ID,
    REF,
    TEXT,
    ENUM,
    INTEGER,
    NUMBER,
    BOOLEAN,
    TIMESTAMP,
    DATE,
    TAGS,
    OBJECT,
    CUSTOM;

    /** Text as a person typed it: the kinds a spreadsheet could mistake for a formula. */
    public boolean isFreeText() {
        return this == TEXT || this == ENUM || this == TAGS;
    }
}
