/**
 * Development support, in a module of its own ({@code dev-support}): an embedded PostgreSQL ({@code embedded}) and a
 * deterministic demo dataset with public demo keys ({@code demo}). Only the launcher (the REST module's
 * {@code launch} and {@code config} packages), tests and benchmarks use it; the export path (domain, application,
 * serializers, spool, persistence, the REST adapter's request handling) never does ({@code ArchitectureTest}).
 *
 * <p>Where the cut is: this module depends on the domain (key hash, display prefix, wire names) and the PostgreSQL
 * driver, not on {@code adapter-persistence-jdbc}. That adapter's tests need the embedded server and the demo data
 * (test scope); were this module to depend on the adapter (for its migrations), Maven's reactor would see a cycle. So
 * the demo data expects a migrated schema ({@code DemoDataset.load} refuses one without it), and the test that loads
 * it onto the real schema, {@code DemoDatasetTest}, lives with the schema in the adapter's tests (same package name,
 * {@code com.helpdesk.export.dev.demo}).
 */
package com.helpdesk.export.dev;
