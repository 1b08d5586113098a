/**
 * Test support: the per-JVM embedded PostgreSQL server and the databases tests get from it, pools and second
 * DataSources over those databases ({@link com.helpdesk.export.persistence.jdbc.testsupport.TestPools}). The
 * clock tests move is test-support's {@link com.helpdesk.export.testsupport.MutableClock}.
 */
package com.helpdesk.export.persistence.jdbc.testsupport;
