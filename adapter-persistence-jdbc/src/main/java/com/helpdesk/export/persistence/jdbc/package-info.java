/**
 * The PostgreSQL adapter of the domain's outgoing ports, in plain JDBC, in two rooms: the export's reads ({@code
 * read}: the {@code ResourceReader} on the exports pool, as a least-privileged role) and access control ({@code
 * access}: keys, rate limits, concurrency leases, the throttle of failed keys and the admin commands' teams, members
 * and keys, on the control pool). Here, what both use: the Flyway schema ({@link
 * com.helpdesk.export.persistence.jdbc.SchemaMigrations}, scripts in {@code classpath:db/migration}), the one
 * translation of {@link java.sql.SQLException}s into the domain's errors ({@link
 * com.helpdesk.export.persistence.jdbc.SqlErrors}) and the one way to take a connection ({@link
 * com.helpdesk.export.persistence.jdbc.Connections}).
 *
 * <p>No framework annotation: the service's assembly wires these classes itself, over {@link javax.sql.DataSource}s.
 * Nothing here logs or stores a plain API key, and no value ever reaches SQL text: every value is a bound parameter,
 * also in the export's page statements, which {@code COPY} runs and which read theirs from transaction-local settings
 * bound just before.
 *
 * <p>The embedded PostgreSQL and the demo data are not here: they are modules of their own ({@code embedded-database},
 * {@code demo-data}), which this module's tests use (test scope) and its main code never does.
 */
package com.helpdesk.export.persistence.jdbc;
