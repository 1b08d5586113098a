/**
 * Who may export, and how much, in storage every instance shares: {@link
 * com.helpdesk.export.persistence.jdbc.access.JdbcKeyVerifier} (keys by their SHA-256 hash), {@link
 * com.helpdesk.export.persistence.jdbc.access.JdbcRateLimiter} (a counter per key and fixed window, one atomic
 * upsert), {@link com.helpdesk.export.persistence.jdbc.access.JdbcExportSlots} (concurrency leases), {@link
 * com.helpdesk.export.persistence.jdbc.access.JdbcAuthenticationThrottle} (failed authentications per client
 * network) with what an instance remembers of its refusals ({@code RememberingThrottle}, {@code
 * RememberingKeyVerifier}), and {@link com.helpdesk.export.persistence.jdbc.access.JdbcKeyAdministration} (teams,
 * members and keys for the admin commands). All on the control pool, every value a bound parameter.
 */
package com.helpdesk.export.persistence.jdbc.access;
