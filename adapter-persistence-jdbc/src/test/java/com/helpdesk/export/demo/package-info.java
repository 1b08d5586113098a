/**
 * The demo dataset ({@code dev-support}) loaded onto this adapter's real schema: {@code DemoDatasetTest} is here, not
 * in {@code dev-support}, because the migrations are this module's and {@code dev-support} must not depend on it (this
 * module's tests depend on {@code dev-support}: the other way round would be a cycle in Maven's reactor).
 */
package com.helpdesk.export.demo;
