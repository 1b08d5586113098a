/**
 * The JSON adapter: the export envelope, and the change feed's ({@code JsonChangeSerializer}, its changes written by
 * {@code JsonChangeWriter} around the export's records), written with Jackson's streaming generator (jackson-core only, no data
 * binding, no Quarkus), so that the benchmarks and any other application can serialize without the REST adapter.
 * Depends on the domain and the shared wire-text writers only.
 */
package com.helpdesk.export.json;
