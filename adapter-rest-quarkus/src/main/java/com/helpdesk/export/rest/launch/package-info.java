/**
 * Start-up: the main class that runs the service on an embedded PostgreSQL when no database is configured, and the
 * {@code admin} subcommand ({@link com.helpdesk.export.rest.launch.AdminLauncher}: the admin command line of
 * {@code adapter-cli} wired over the JDBC adapter on the database {@link
 * com.helpdesk.export.rest.launch.AdminDatabase} resolves). With the config package, the only main code that may use
 * the development support (embedded database, demo dataset).
 */
package com.helpdesk.export.rest.launch;
