/** Driving ports: what adapters (REST, a CLI, another app) call to run an export. */
package com.helpdesk.export.application.port.in;
