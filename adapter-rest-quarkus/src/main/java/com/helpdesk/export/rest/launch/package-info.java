/** Start-up: the main class that runs the service on an embedded PostgreSQL when no database is configured. */
package com.helpdesk.export.rest.launch;
