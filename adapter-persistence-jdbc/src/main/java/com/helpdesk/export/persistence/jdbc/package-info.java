/**
 * The PostgreSQL adapter of the export's outgoing ports, in plain JDBC: {@link
 * com.helpdesk.export.persistence.jdbc.JdbcResourceReader} (the {@code ResourceReader}: one read-only,
 * repeatable-read transaction per export, each page streamed by {@code COPY … (FORMAT binary)}), {@link
 * com.helpdesk.export.persistence.jdbc.JdbcKeyVerifier} (the {@code KeyVerifier}: SHA-256 hash lookup), the
 * Flyway schema ({@link com.helpdesk.export.persistence.jdbc.SchemaMigrations}, scripts in
 * {@code classpath:db/migration}), {@link com.helpdesk.export.persistence.jdbc.JdbcKeyAdministration} (the
 * {@code KeyAdministrationPort}: teams, members and keys, stored as the domain's {@code KeyHash} and display prefix),
 * and the counters
 * that every instance shares: {@link com.helpdesk.export.persistence.jdbc.JdbcRateLimiter} (the
 * {@code RateLimiter}: a counter per key and fixed epoch-aligned window, one atomic upsert) and
 * {@link com.helpdesk.export.persistence.jdbc.JdbcAuthenticationThrottle} (the {@code AuthenticationThrottle}:
 * failed authentications per client address, one upsert per failure). In front of the last two, what an instance
 * remembers so that refused calls stop costing statements: {@link
 * com.helpdesk.export.persistence.jdbc.RememberingThrottle} (networks the count has blocked, until their window ends)
 * and {@link com.helpdesk.export.persistence.jdbc.RememberingKeyVerifier} (keys rejected, for a short time), both
 * bounded in size ({@code ExpiringMemory}).
 *
 * <p>What belongs here: public adapter classes that an application wires with a {@link javax.sql.DataSource},
 * and their package-private JDBC helpers (table mapping, SQL building, row views, SQLException translation).
 * No framework annotation: the Quarkus module wires these classes itself. Nothing here logs or stores a plain
 * API key, and no value ever reaches SQL other than as a bound parameter: the export's page queries, which
 * {@code COPY} runs and which can take no parameters, read theirs from transaction-local settings bound just before
 * ({@code BoundValues}). Export snapshots connect as a role that may read the exported tables and nothing else
 * ({@link com.helpdesk.export.persistence.jdbc.ExportReadRole}, checked at start).
 *
 * <p>The embedded PostgreSQL and the demo dataset are not here: they are development support ({@code dev-support},
 * {@code com.helpdesk.export.dev}), which this module's tests use (test scope) and its main code never does.
 */
package com.helpdesk.export.persistence.jdbc;
