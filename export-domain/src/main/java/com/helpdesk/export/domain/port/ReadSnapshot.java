package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.FeedState;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One consistent, read-only view of a team's rows in one mode. Not thread-safe: one export uses it at a time.
 */
public interface ReadSnapshot extends AutoCloseable {

    /**
     * Hands the query's rows, in (createdAt, id) order and at most {@code query.limit()} of them, to the consumer
     * one at a time, without holding them all, and says what was read: how many rows, whether more rows match past
     * the limit, and the cursor after the last row given. One query per resource: the reader looks one row past the
     * limit to know whether more match. A row is valid only while the consumer runs.
     *
     * @throws IOException what the consumer threw
     * @throws com.helpdesk.export.domain.error.SearchTooBroadException when the query searches for a term no index
     *     can serve and checking the team's rows for it took longer than such a read may take
     */
    PageSummary read(ResourceQuery query, RowConsumer consumer) throws IOException;

    /**
     * The custom fields the team defines for a type, in this snapshot, in position order; empty for a type without
     * custom fields. An export's CSV columns and JSON objects are these, so every row of one export has the same.
     */
    List<CustomFieldDefinition> customFields(ResourceType type);

    /**
     * The change feed at this snapshot, when the reader keeps one: an export's {@code syncCursor}s are taken at its
     * horizon, so that following the feed from them misses no change made after the snapshot.
     */
    default Optional<FeedState> feedState() {
        return Optional.empty();
    }

    /** Ends the snapshot and gives its connection back. Idempotent. */
    @Override
    void close();
}
