package com.helpdesk.export.domain.model;

/** How a filter compares its value with a row. */
public enum FilterKind {
    /** the field is one of the given enumerated values */
    ANY_OF,
    /** the field equals one prefixed or plain UUID */
    ID_EQUALS,
    /** the field equals a text exactly */
    TEXT_EQUALS,
    /** the row's tags contain the tag */
    HAS_TAG,
    /** case-insensitive substring search in one or more text fields */
    SEARCH,
    /** the boolean field equals the value */
    BOOLEAN_EQUALS,
    /** the time field is at or after the instant (inclusive) */
    AT_OR_AFTER,
    /** the time field is before the instant (exclusive) */
    BEFORE
}
