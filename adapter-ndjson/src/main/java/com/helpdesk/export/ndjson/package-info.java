/**
 * The NDJSON adapter: one resource as newline-delimited JSON, each line the record the JSON format gives for that row
 * (written by adapter-json's {@code JsonRecordWriter}, the one adapter this one uses, so that a line and a JSON record
 * cannot differ), the envelope's counts and cursor in the headers; and the change feed of one resource, a change a
 * line ({@code NdjsonChangeSerializer}, by adapter-json's {@code JsonChangeWriter}). jackson-core only, no Quarkus.
 */
package com.helpdesk.export.ndjson;
