package com.helpdesk.export.domain.model;

/** Live or test data: a key of one mode sees only rows of that mode. */
public enum Mode {
    LIVE("live"),
    TEST("test");

    private final String wireName;

    Mode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
