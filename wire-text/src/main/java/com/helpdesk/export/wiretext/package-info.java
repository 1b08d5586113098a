/**
 * Wire text that both serializers write many times per row (times, public ids), written into a caller's buffer
 * instead of a new string per value. The same text as the domain's {@code Instant.toString()} and
 * {@code PublicId.format}; the speed is the serializers' concern, so it lives beside them, not in the domain.
 */
package com.helpdesk.export.wiretext;
