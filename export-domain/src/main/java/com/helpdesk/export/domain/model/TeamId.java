package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ExportException;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A team's id: a UUID. */
public record TeamId(UUID value) {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public TeamId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical UUID form; anything else is a 400 on {@code param}. */
    public static TeamId parse(String text, String param) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw ExportException.invalid(param, "teamId must be a UUID, e.g. 1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10.");
        }
        return new TeamId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
