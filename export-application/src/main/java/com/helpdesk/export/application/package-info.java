/** The export application: its use case (port.in) and the service that carries it out. JDK and domain only. */
package com.helpdesk.export.application;
