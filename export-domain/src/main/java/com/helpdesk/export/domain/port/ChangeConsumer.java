package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.Row;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Takes the changes of one feed one at a time, in the feed's order. Each comes with its version: the stamp of the
 * transaction that wrote it, which grows with every change of a row (a writer need not show it).
 */
public interface ChangeConsumer {

    /** The row's current version; valid only while this runs. */
    void upsert(long version, Row row) throws IOException;

    /** The row of this id was deleted (or left the feed's mode) at {@code deletedAt}. */
    void delete(long version, UUID id, Instant deletedAt) throws IOException;
}
