/**
 * A deterministic demo dataset: two teams with members, fixed demo API keys (stored only as SHA-256 hashes),
 * and tens of thousands of tickets, customers and articles in both modes, with the awkward texts an export must
 * survive (commas, quotes, CR/LF, non-ASCII, emoji, formula-like values). What belongs here: the data,
 * {@link com.helpdesk.export.demo.DemoDataset} (its ids, keys and sizes, which tests and docs name), and its loader,
 * {@link com.helpdesk.export.demo.DemoLoader} (with the rows' SQL, {@code DemoSql}); nothing the export itself needs (it never depends on this
 * package). It expects the schema of {@code adapter-persistence-jdbc} already migrated. Never
 * load it into a production database: its keys are public.
 */
package com.helpdesk.export.demo;
