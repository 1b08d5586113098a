/** Wiring: the single class of CDI producers that builds the framework-free core, and the typed settings. */
package com.helpdesk.export.rest.config;
