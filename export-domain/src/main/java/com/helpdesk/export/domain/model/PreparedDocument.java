package com.helpdesk.export.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * A document written into a spool: the ranges of the spool that, sent one after the other, are the document, and
 * how it is delivered.
 */
public record PreparedDocument(Delivery delivery, List<SpoolRange> body) {

    public PreparedDocument {
        Objects.requireNonNull(delivery, "delivery");
        body = List.copyOf(body);
    }

    /** The document's length in bytes. */
    public long length() {
        long length = 0;
        for (SpoolRange range : body) {
            length += range.length();
        }
        return length;
    }
}
