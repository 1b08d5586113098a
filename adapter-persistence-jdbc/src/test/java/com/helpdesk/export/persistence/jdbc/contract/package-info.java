/**
 * Contract tests of the domain's ports, written against the port interfaces only (no JDBC), so that any
 * implementation (this adapter, an in-memory fake) can be checked by extending them.
 */
package com.helpdesk.export.persistence.jdbc.contract;
