/**
 * Test support: the per-JVM embedded PostgreSQL server and the databases tests get from it, pools and second
 * DataSources over those databases ({@link com.helpdesk.export.persistence.jdbc.testsupport.TestPools}), and a
 * clock tests can move ({@link com.helpdesk.export.persistence.jdbc.testsupport.MutableClock}).
 */
package com.helpdesk.export.persistence.jdbc.testsupport;
