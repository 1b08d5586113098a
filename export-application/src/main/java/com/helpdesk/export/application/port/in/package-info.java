/**
 * Driving ports: what adapters (REST, the admin CLI, another app) call, to run an export ({@link
 * com.helpdesk.export.application.port.in.AuthorizeExportUseCase}, {@link
 * com.helpdesk.export.application.port.in.PrepareExportUseCase}) or to administer teams, members and keys ({@link
 * com.helpdesk.export.application.port.in.KeyAdministrationUseCase}). Their records carry values, never behaviour:
 * no function-typed component.
 */
package com.helpdesk.export.application.port.in;
