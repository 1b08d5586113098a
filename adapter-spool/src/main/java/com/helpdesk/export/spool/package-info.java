/**
 * The spool adapter: holds an export's bytes between reading and sending, in memory up to a bound and then in a
 * temporary file, with one bound on the disk all spools of an instance use together. Depends on the domain only.
 */
package com.helpdesk.export.spool;
