/**
 * What operators see: one access-log line per request and the export metrics (Micrometer, served as Prometheus at
 * {@code /q/metrics}). Facts about a request are gathered in its routing context and written once, when it ends.
 */
package com.helpdesk.export.rest.observability;
