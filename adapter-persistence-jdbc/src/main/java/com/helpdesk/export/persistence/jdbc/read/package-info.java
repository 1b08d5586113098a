/**
 * The export's reads: {@link com.helpdesk.export.persistence.jdbc.read.JdbcResourceReader} (the {@code
 * ResourceReader}: one read-only, repeatable-read transaction per export on the exports pool), the statement of a page
 * ({@code ResourceSql}, {@code SelectList}, {@code ResourceTable}, every value bound by {@code BoundValues}), its
 * streaming by {@code COPY … (FORMAT binary)} ({@code BinaryCopy}, {@code CopyRow}), and the least-privileged role it
 * reads as ({@link com.helpdesk.export.persistence.jdbc.read.ExportReadRole}).
 */
package com.helpdesk.export.persistence.jdbc.read;
