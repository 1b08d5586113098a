package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.Scope;

/**
 * Reads resources. Every read of one export goes through one {@link ReadSnapshot}, so that all its resources
 * show the data as it was at one moment. Implementations bound the whole database part of an export by a deadline
 * of their own and stop reading when the export is cancelled; they translate their own failures into
 * {@link com.helpdesk.export.domain.error.ExportException}s ({@code SERVICE_UNAVAILABLE} when the store cannot be
 * reached, is too slow, or the deadline passed).
 */
public interface ResourceReader {

    /**
     * Opens a consistent, read-only view of the rows of {@code scope}. The caller closes it.
     *
     * @param cancellation cancelled when nobody waits for the export any more (its client left): the snapshot's
     *                     running statement is then stopped
     */
    ReadSnapshot openSnapshot(Scope scope, Cancellation cancellation);
}
