package com.helpdesk.export.domain.port;

import java.io.IOException;

/**
 * One consistent, read-only view of a team's rows in one mode. Not thread-safe: one export uses it at a time.
 */
public interface ReadSnapshot extends AutoCloseable {

    /**
     * What {@link #stream} will give for this query, before any row is read: the number of rows (at most the
     * query's limit), whether more rows match past the limit, and the cursor after the last row given.
     */
    PageSummary summarize(ResourceQuery query);

    /**
     * Hands the query's rows, in (createdAt, id) order and at most {@code query.limit()} of them, to the consumer
     * one at a time, without holding them all. A row is valid only while the consumer runs.
     */
    void stream(ResourceQuery query, RowConsumer consumer) throws IOException;

    @Override
    void close();
}
