/**
 * The XLSX adapter: an export as one workbook, a typed worksheet per resource and a sheet {@code _export} of what the
 * envelope would say, written with fastexcel ({@code org.dhatim:fastexcel}, Apache-2.0). Depends on the domain, the
 * shared wire text and fastexcel only, never on another adapter.
 *
 * <p>Why fastexcel and not Apache POI's streaming SXSSF: it is made for exactly this job (writing large workbooks as a
 * stream: a few dozen small classes, one dependency, opczip, a streaming zip with data descriptors), it is kept
 * (releases through 2025, issues answered), its licence and README ask nothing against such a use, and it uses no
 * reflection, so it needs nothing registered for a Quarkus native build; SXSSF brings POI, XMLBeans and
 * commons-compress (tens of megabytes, reflection that a native build must be told about), writes its rows to
 * temporary files of its own beside the spool, and is the heavier of the two at the same job. Memory stays flat
 * because the writer is used so: every text is an inline string (fastexcel's {@code value(r, c, String)} would put it
 * in a shared-strings table held in memory until the end), every row is flushed to the zip as soon as it is written
 * (fastexcel keeps the rows of a sheet until {@code flush()}), and sheets are written one after the other. What
 * fastexcel would do silently is done here instead: numbers are written as their stored decimal text
 * ({@link com.helpdesk.export.xlsx.PlainDecimal}; a {@code BigDecimal} would be written by its {@code toString()},
 * {@code 1E+3}), dates and times get their serials here ({@link com.helpdesk.export.xlsx.ExcelSerial}: fastexcel
 * drops the microseconds and writes -1 for a date before 1900), and texts are escaped and cut here
 * ({@link com.helpdesk.export.xlsx.SheetText}: fastexcel drops the characters XML cannot carry).
 */
package com.helpdesk.export.xlsx;
