package com.helpdesk.export.domain.model;

/** Secret keys ({@code sk_}) act for their member; publishable keys ({@code pk_}) may be shown in browsers. */
public enum KeyKind {
    SECRET("sk"),
    PUBLISHABLE("pk");

    private final String prefix;

    KeyKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
