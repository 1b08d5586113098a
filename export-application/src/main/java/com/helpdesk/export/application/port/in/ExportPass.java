package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.model.TeamId;

/**
 * A caller that passed every check that comes before the body: key, team, permission, concurrency cap and
 * rate limit. Only {@link AuthorizeExportUseCase} makes one, and only {@link PrepareExportUseCase} takes one. It holds
 * one of the key's export slots: close it when no export follows (a bad body); a prepared export closes it itself.
 */
public interface ExportPass extends AutoCloseable {

    /** Who asks (the key's display prefix, team, member, role): for logs and headers, never the key itself. */
    KeyVerification.Verified caller();

    /** The team named in the call, which is the key's. */
    TeamId team();

    /** Where the key stands in its rate-limit window after this call was counted. */
    RateLimitStatus rateLimit();

    /** Gives the export slot back. Idempotent, safe from any thread. */
    @Override
    void close();
}
