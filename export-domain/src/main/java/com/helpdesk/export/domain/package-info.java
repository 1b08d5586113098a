/**
 * The export domain: what an export is, the rules it obeys and the ports it needs.
 * Plain JDK only: no framework, no JDBC, no JSON library may appear below this package.
 */
package com.helpdesk.export.domain;
