/**
 * Integration tests of the packaged service (Failsafe, after {@code package}): several real service processes on one
 * real PostgreSQL, killed with {@code kill -9}, and started from a working folder with its own configuration.
 */
package com.helpdesk.export.rest.it;
