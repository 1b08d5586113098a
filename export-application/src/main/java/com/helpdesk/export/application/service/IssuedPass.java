package com.helpdesk.export.application.service;

import com.helpdesk.export.application.port.in.ExportPass;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.ExportSlots;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The only {@link ExportPass}: made by {@link AuthorizeExportService}, checked for by
 * {@link PrepareExportService}, so that no other code can skip authorization by making one.
 */
final class IssuedPass implements ExportPass {

    private final KeyVerification.Verified caller;
    private final TeamId team;
    private final RateLimitStatus rateLimit;
    private final ExportSlots.Slot slot;
    /** Whether an export was prepared with it, or it was closed: one authorization, one export, one slot. */
    private final AtomicBoolean used = new AtomicBoolean();

    IssuedPass(KeyVerification.Verified caller, TeamId team, RateLimitStatus rateLimit, ExportSlots.Slot slot) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.team = Objects.requireNonNull(team, "team");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.slot = Objects.requireNonNull(slot, "slot");
    }

    @Override
    public KeyVerification.Verified caller() {
        return caller;
    }

    @Override
    public TeamId team() {
        return team;
    }

    @Override
    public RateLimitStatus rateLimit() {
        return rateLimit;
    }

    /** Takes it for one export; false when it was taken or closed before. */
    boolean take() {
        return used.compareAndSet(false, true);
    }

    /** Gives it back untaken, when the export it was taken for could not be prepared. */
    void untake() {
        used.set(false);
    }

    @Override
    public void close() {
        used.set(true);
        slot.close();
    }
}
