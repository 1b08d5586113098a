package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.error.SpoolFullException;

/**
 * Makes {@link Spool}s and bounds what they hold together, so that exports in progress cannot fill a disk: a spool
 * that would pass the bound fails with {@link SpoolFullException}.
 */
public interface SpoolStore {

    /** A new, empty spool. */
    Spool create();
}
