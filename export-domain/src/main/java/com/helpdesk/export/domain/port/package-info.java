/**
 * The ports the export needs from the outside: reading rows in one snapshot ({@link
 * com.helpdesk.export.domain.port.ResourceReader}), writing them ({@link com.helpdesk.export.domain.port.Serializer})
 * and verifying keys ({@link com.helpdesk.export.domain.port.KeyVerifier}). Adapters implement them.
 */
package com.helpdesk.export.domain.port;
