/**
 * The demo data ({@code demo-data}) loaded onto this adapter's real schema: {@code DemoDatasetTest} is here, not in
 * {@code demo-data}, because the migrations are this module's and {@code demo-data} must not depend on it (this
 * module's tests depend on {@code demo-data}: the other way round would be a cycle in Maven's reactor).
 */
package com.helpdesk.export.demo;
