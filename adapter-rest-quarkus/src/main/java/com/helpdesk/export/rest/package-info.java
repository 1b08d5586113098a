/** The Quarkus application: the REST adapter, the JSON serializer, error mapping and the wiring of the core. */
package com.helpdesk.export.rest;
