package com.helpdesk.export.domain.error;

import com.helpdesk.export.domain.port.Spool;
import java.io.IOException;

/**
 * A {@link Spool} was asked to hold more than its store has room for: the service is at capacity. An
 * {@link IOException}, so that it passes through the writers that fill a spool unchanged.
 */
public final class SpoolFullException extends IOException {

    public SpoolFullException(String message) {
        super(message);
    }
}
