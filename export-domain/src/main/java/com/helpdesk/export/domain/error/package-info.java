/**
 * The error vocabularies: the export's stable codes, their categories and the exception that carries them
 * ({@link com.helpdesk.export.domain.error.ExportException}), and the administration's refusals
 * ({@link com.helpdesk.export.domain.error.AdministrationException}), which never reach the HTTP API.
 */
package com.helpdesk.export.domain.error;
