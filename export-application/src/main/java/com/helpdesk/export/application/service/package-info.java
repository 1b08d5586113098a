/**
 * Services that implement the use cases by applying the domain's policies and rules over its ports: the export's
 * ({@link com.helpdesk.export.application.service.AuthorizeExportService}, {@link
 * com.helpdesk.export.application.service.PrepareExportService}) and the administration's ({@link
 * com.helpdesk.export.application.service.KeyAdministrationService}). No framework types.
 */
package com.helpdesk.export.application.service;
