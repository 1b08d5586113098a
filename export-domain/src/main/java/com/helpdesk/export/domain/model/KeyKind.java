package com.helpdesk.export.domain.model;

import java.util.Optional;

/**
 * Secret keys ({@code sk_}) act for their member; publishable keys ({@code pk_}) may be shown in browsers. The key's
 * own prefix is {@link #prefix()}; the kind's name where it is stored or typed is {@link #wireName()}.
 */
public enum KeyKind {
    SECRET("sk", "secret"),
    PUBLISHABLE("pk", "publishable");

    private final String prefix;
    private final String wireName;

    KeyKind(String prefix, String wireName) {
        this.prefix = prefix;
        this.wireName = wireName;
    }

    /** How a key of this kind starts: {@code sk} or {@code pk} (then {@code _}). */
    public String prefix() {
        return prefix;
    }

    /** {@code secret} or {@code publishable}: the name stored in the database and typed on the command line. */
    public String wireName() {
        return wireName;
    }

    /** The kind of that exact wire name; empty for anything else. */
    public static Optional<KeyKind> fromWireName(String name) {
        for (KeyKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
