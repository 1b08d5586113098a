/**
 * The application: its use cases (port.in) and the services that carry them out: the export, and the
 * administration of teams, members and keys. JDK and domain only.
 */
package com.helpdesk.export.application;
