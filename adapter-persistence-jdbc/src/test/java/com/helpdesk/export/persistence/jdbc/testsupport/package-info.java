/** Test support: the per-JVM embedded PostgreSQL server and the databases tests get from it. */
package com.helpdesk.export.persistence.jdbc.testsupport;
