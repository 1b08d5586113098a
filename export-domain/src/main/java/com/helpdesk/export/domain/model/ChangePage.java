package com.helpdesk.export.domain.model;

import java.util.Objects;

/**
 * What one read of a feed gave: how many changes, whether more follow below the horizon, and the position after the
 * last change given (when no more follow: the horizon itself, since every entry below it has been given).
 */
public record ChangePage(int changes, boolean hasMore, FeedPosition next) {
    public ChangePage {
        Objects.requireNonNull(next, "next");
        if (changes < 0) {
            throw new IllegalArgumentException("changes must not be negative");
        }
        if (hasMore && changes == 0) {
            throw new IllegalArgumentException("more changes cannot follow an empty page");
        }
    }
}
