/**
 * An embedded PostgreSQL server (zonky's {@code EmbeddedPostgres} binaries) for development, demos and tests:
 * {@link com.helpdesk.export.embedded.EmbeddedDatabase} starts one on a persistent data
 * directory that survives restarts, or on a throw-away one. What belongs here: starting, stopping and
 * recovering that server (e.g. stopping a postmaster left running by a JVM killed with {@code kill -9}); nothing
 * about the export's tables or queries. Helpers are package-private.
 */
package com.helpdesk.export.embedded;
