package com.helpdesk.export.application.port.in;

/**
 * Exports a team's resources. {@link #prepare} does every check and reads what the export will hold, all before a
 * byte is written, so that a caller can answer any failure cleanly and set headers from the summary; then the
 * returned {@link PreparedExport} streams the rows.
 */
public interface ExportUseCase {

    /**
     * Checks, in the contract's order, the key, the team, the permission and then the request, applies the
     * policies and opens one snapshot.
     *
     * @throws com.helpdesk.export.domain.error.ExportException for every refusal, with its code
     */
    PreparedExport prepare(ExportCommand command);
}
