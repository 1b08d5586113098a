/**
 * Test support: the per-JVM embedded PostgreSQL server and the databases tests get from it, pools and second
 * DataSources over those databases ({@link com.helpdesk.export.persistence.jdbc.testsupport.TestPools}), and the
 * one way a test reads a number from the database ({@link com.helpdesk.export.persistence.jdbc.testsupport.TestSql}).
 * The clock tests move is test-support's {@link com.helpdesk.export.testsupport.MutableClock}.
 */
package com.helpdesk.export.persistence.jdbc.testsupport;
