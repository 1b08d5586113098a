/**
 * The one place errors become the contract's envelope: {@code ExceptionMappers} (every exception of a request that
 * reached JAX-RS) and {@code RouterSetup} (what is refused before it: unknown routes, methods, bodies the HTTP server
 * stops), both through {@code ErrorResponses}, with the status of each code in {@code HttpErrors}.
 */
package com.helpdesk.export.rest.web.error;
