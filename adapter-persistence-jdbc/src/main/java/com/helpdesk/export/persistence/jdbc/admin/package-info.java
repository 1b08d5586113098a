/**
 * Administration of teams, members and API keys without SQL: {@link
 * com.helpdesk.export.persistence.jdbc.admin.JdbcAdministration} (create a team, add a member with a role, create
 * a key, list a team's keys, revoke one) and its command-line front {@link
 * com.helpdesk.export.persistence.jdbc.admin.AdminCommands}, which the distribution runs as
 * {@code java -jar quarkus-run.jar admin <command>} on the database {@link
 * com.helpdesk.export.persistence.jdbc.admin.AdminDatabase} resolves (the configured one, else the embedded one).
 *
 * <p>What belongs here: these commands and the records they answer with; nothing the export itself needs. A new
 * key is shown once, in the {@link com.helpdesk.export.persistence.jdbc.admin.CreatedKey} of its creation; only its
 * SHA-256 hash and display prefix are stored ({@code KeyHashing}), and no key hash is ever printed or put in a
 * message. Every value reaches SQL as a bound parameter.
 */
package com.helpdesk.export.persistence.jdbc.admin;
