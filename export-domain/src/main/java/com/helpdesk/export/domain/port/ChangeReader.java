package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.Scope;

/**
 * Reads change feeds. Every read of one changes call goes through one {@link ChangeSnapshot}, bounded and translated as
 * a {@link ResourceReader}'s snapshots are.
 */
public interface ChangeReader {

    /**
     * Opens a consistent, read-only view of the feeds {@code scope} sees. The caller closes it.
     *
     * @param cancellation cancelled when nobody waits for the answer any more: the running statement is then stopped
     */
    ChangeSnapshot openChanges(Scope scope, Cancellation cancellation);
}
