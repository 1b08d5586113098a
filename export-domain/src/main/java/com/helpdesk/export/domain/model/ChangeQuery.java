package com.helpdesk.export.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * Which entries of one feed to read: those after {@code after}, stamped below {@code horizon} (the reading snapshot's
 * xmin, below which every transaction has ended), at most {@code limit}, in (stamp, id) order; and the fields of the
 * records to write (the id first).
 */
public record ChangeQuery(ResourceType type, List<Field> fields, FeedPosition after, long horizon, int limit) {
    public ChangeQuery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(after, "after");
        fields = List.copyOf(fields);
        if (fields.isEmpty() || !fields.get(0).name().equals("id")) {
            throw new IllegalArgumentException("the fields of a change record start with its id");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
