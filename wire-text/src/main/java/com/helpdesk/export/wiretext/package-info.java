/**
 * Wire text the serializers share: what they write many times per row (times, public ids, compact JSON of metadata),
 * written into a caller's buffer instead of a new string per value, the same text as the domain's
 * {@code Instant.toString()} and {@code PublicId.format}; and what a document delivered as a file says beside its
 * body ({@link com.helpdesk.export.wiretext.FileHeaders}). Plain JDK code: no format's library, no domain type, so
 * that every serializer may use it.
 */
package com.helpdesk.export.wiretext;
