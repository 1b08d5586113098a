/**
 * The ports the core needs from the outside: reading rows in one snapshot ({@link
 * com.helpdesk.export.domain.port.ResourceReader}), writing them ({@link com.helpdesk.export.domain.port.Serializer}),
 * reading and writing the change feeds ({@link com.helpdesk.export.domain.port.ChangeReader}, {@link
 * com.helpdesk.export.domain.port.ChangeSerializer}),
 * verifying keys ({@link com.helpdesk.export.domain.port.KeyVerifier}) and keeping teams, members and keys for their
 * administration ({@link com.helpdesk.export.domain.port.KeyAdministrationPort}). Adapters implement them.
 */
package com.helpdesk.export.domain.port;
