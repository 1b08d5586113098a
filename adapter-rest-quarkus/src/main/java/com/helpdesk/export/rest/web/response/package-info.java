/**
 * Sending a prepared export: at the pace the client reads ({@code PacedOutput}), the rate-limit headers of every
 * authenticated answer ({@code RateLimitHeaders}), and a reset connection when sending fails after the first byte
 * ({@code ConnectionReset}), so that no client takes a cut-off export for a whole one.
 */
package com.helpdesk.export.rest.web.response;
