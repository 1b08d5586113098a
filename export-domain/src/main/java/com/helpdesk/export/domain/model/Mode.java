package com.helpdesk.export.domain.model;

import java.util.Optional;

/** Live or test data: a key of one mode sees only rows of that mode. */
public enum Mode {
    LIVE("live"),
    TEST("test");

    private final String wireName;

    Mode(String wireName) {
        this.wireName = wireName;
    }

    /** {@code live} or {@code test}: in the key ({@code sk_live_}), the database and the command line. */
    public String wireName() {
        return wireName;
    }

    /** The mode of that exact wire name; empty for anything else. */
    public static Optional<Mode> fromWireName(String name) {
        for (Mode mode : values()) {
            if (mode.wireName.equals(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
