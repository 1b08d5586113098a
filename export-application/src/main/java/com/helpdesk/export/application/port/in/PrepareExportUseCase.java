package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.ExportRequest;

/**
 * The second half of an export: for an authorized caller and its parsed request, applies the policies, reads every
 * resource in one snapshot and writes it into a spool, closes the snapshot, and hands back what is ready to send.
 * Nothing is sent yet, so every failure up to here can be answered cleanly; no database connection is held after it.
 */
public interface PrepareExportUseCase {

    /**
     * @param pass         from {@link AuthorizeExportUseCase}; the returned export takes it over (and closes it)
     * @param requestId    the id of this call, echoed in the export
     * @param cancellation cancelled when the caller leaves: reading stops
     * @throws com.helpdesk.export.domain.error.ExportException for every refusal, with its code; {@code pass}
     *                                                          is then still the caller's to close
     */
    PreparedExport prepare(ExportPass pass, ExportRequest request, String requestId, Cancellation cancellation);
}
