package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.ChangesRequest;

/**
 * A changes call: for an authorized caller and its parsed request, reads each resource's feed after its cursor in one
 * snapshot and writes the changes into a spool, closes the snapshot, and hands back what is ready to send, as
 * {@link PrepareExportUseCase} does for an export.
 */
public interface FollowChangesUseCase {

    /**
     * @param pass         from {@link AuthorizeExportUseCase}; the returned answer takes it over (and closes it)
     * @param requestId    the id of this call
     * @param cancellation cancelled when the caller leaves: reading stops
     * @throws com.helpdesk.export.domain.error.ExportException for every refusal, with its code ({@code cursor_expired}
     *     for a cursor whose changes can no longer be told); {@code pass} is then still the caller's to close
     */
    PreparedChanges follow(ExportPass pass, ChangesRequest request, String requestId, Cancellation cancellation);
}
