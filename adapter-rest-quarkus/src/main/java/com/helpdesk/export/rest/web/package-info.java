/**
 * The HTTP edge: the export resource, the web records it reads and writes (never domain objects), request
 * validation, request ids, and the one place where errors become the contract's error envelope.
 */
package com.helpdesk.export.rest.web;
