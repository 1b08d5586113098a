/**
 * The CSV adapter: writes an export document as one RFC 4180 table with univocity-parsers,
 * streaming rows straight to the output. Depends on the domain only, never on another adapter.
 */
package com.helpdesk.export.csv;
