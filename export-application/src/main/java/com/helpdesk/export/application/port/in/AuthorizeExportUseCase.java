package com.helpdesk.export.application.port.in;

/**
 * The first half of an export: checks, in this order, the key, the team, the permission, the
 * concurrency caps and the rate limit, before the request body is even read, so that a stranger learns nothing from
 * body errors.
 */
public interface AuthorizeExportUseCase {

    /**
     * @return {@link Admission.Granted} with a slot taken and the call counted, or {@link Admission.Refused}
     * @throws com.helpdesk.export.domain.error.ExportException when the checks cannot be made at all (the database
     *                                                          cannot be reached)
     */
    Admission authorize(ExportCredentials credentials);
}
