package com.helpdesk.export.domain.model;

import java.util.Objects;

/** Whose rows an export may see: one team, one mode. Always taken from the verified key, never from input. */
public record Scope(TeamId team, Mode mode) {
    public Scope {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(mode, "mode");
    }
}
