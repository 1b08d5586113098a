/** Ports of the application. The driven (outgoing) ports live in the domain's port package. */
package com.helpdesk.export.application.port;
