/**
 * The REST adapter: the export's HTTP API ({@code web}: the resource, the request's parts, the error envelope, the
 * sending of a prepared export) and what operators see of it ({@code observability}: health, metrics, the access
 * log). It reaches the core through the application's use cases only, and is told its settings by the service's
 * assembly ({@link com.helpdesk.export.rest.RestSettings}).
 */
package com.helpdesk.export.rest;
