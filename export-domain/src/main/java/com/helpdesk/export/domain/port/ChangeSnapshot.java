package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.ChangePage;
import com.helpdesk.export.domain.model.ChangeQuery;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.FeedState;
import com.helpdesk.export.domain.model.ResourceType;
import java.io.IOException;
import java.util.List;

/** One consistent, read-only view of a team's change feeds in one mode. Not thread-safe. */
public interface ChangeSnapshot extends AutoCloseable {

    /** The feed at this snapshot: its horizon, the cluster, the deleted tombstones' highest stamp, the time, the lag. */
    FeedState state();

    /**
     * Hands the query's changes, in (stamp, id) order and at most {@code query.limit()} of them, to the consumer one at
     * a time: each row's current version as an upsert, each tombstone as a delete. One query per resource: the reader
     * looks one entry past the limit to know whether more follow.
     *
     * @throws IOException what the consumer threw
     */
    ChangePage read(ChangeQuery query, ChangeConsumer consumer) throws IOException;

    /** The custom fields the team defines for a type, in this snapshot, in position order. */
    List<CustomFieldDefinition> customFields(ResourceType type);

    /** Ends the snapshot and gives its connection back. Idempotent. */
    @Override
    void close();
}
