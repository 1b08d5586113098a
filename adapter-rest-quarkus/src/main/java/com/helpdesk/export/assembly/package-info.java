/**
 * The service's assembly, and the only main code that knows every adapter: {@link
 * com.helpdesk.export.assembly.ExportWiring} (the one class of CDI producers: each port built by hand over its
 * adapter, and the use cases over the ports, so that the core carries no annotation), the typed settings ({@link
 * com.helpdesk.export.assembly.ExportSettings}) and what runs at start beside them (the export role's check, the
 * clean-up of expired rows, the demo load, the guard against a silent fallback to the embedded database); the main
 * class ({@link com.helpdesk.export.assembly.ExportServiceMain}: the embedded PostgreSQL when no database is
 * configured, the build's prepared demo database) and the {@code admin} subcommand's hand-wired root ({@link
 * com.helpdesk.export.assembly.AdminLauncher} over {@link com.helpdesk.export.assembly.AdminDatabase}). With the
 * tests, the only code that may use the embedded PostgreSQL and the demo data.
 */
package com.helpdesk.export.assembly;
