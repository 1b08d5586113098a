/**
 * Tests of a client generated from {@code docs/openapi.yaml} against the packaged service: what a team that generates
 * its client from our document gets out of the box.
 */
package com.helpdesk.export.clienttests;
