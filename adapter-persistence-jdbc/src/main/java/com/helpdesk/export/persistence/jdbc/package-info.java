/**
 * The PostgreSQL adapter of the export's outgoing ports, in plain JDBC: {@link
 * com.helpdesk.export.persistence.jdbc.JdbcResourceReader} (the {@code ResourceReader}: one read-only,
 * repeatable-read transaction per export, rows streamed from a server-side cursor), {@link
 * com.helpdesk.export.persistence.jdbc.JdbcKeyVerifier} (the {@code KeyVerifier}: SHA-256 hash lookup), the
 * Flyway schema ({@link com.helpdesk.export.persistence.jdbc.SchemaMigrations}, scripts in
 * {@code classpath:db/migration}), the key hashing both the verifier and the demo loader use, and the counters
 * that every instance shares: {@link com.helpdesk.export.persistence.jdbc.JdbcRateLimiter} (the
 * {@code RateLimiter}: a Bucket4j bucket per key, fixed epoch-aligned windows, select-for-update) and
 * {@link com.helpdesk.export.persistence.jdbc.JdbcAuthenticationThrottle} (the {@code AuthenticationThrottle}:
 * failed authentications per client address, one upsert per failure).
 *
 * <p>What belongs here: public adapter classes that an application wires with a {@link javax.sql.DataSource},
 * and their package-private JDBC helpers (table mapping, SQL building, row views, SQLException translation).
 * No framework annotation: the Quarkus module wires these classes itself. Nothing here logs or stores a plain
 * API key, and no value ever reaches SQL other than as a bound parameter.
 *
 * <p>Sub-packages: {@code embedded} (an embedded PostgreSQL server for development and tests) and {@code demo}
 * (a deterministic demo dataset with fixed demo keys).
 */
package com.helpdesk.export.persistence.jdbc;
