package com.helpdesk.export.application.service;

import com.helpdesk.export.application.port.in.Admission;
import com.helpdesk.export.application.port.in.AuthorizeExportUseCase;
import com.helpdesk.export.application.port.in.ExportCredentials;
import com.helpdesk.export.domain.error.ErrorCategory;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.Permission;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.policy.ConcurrencyLimits;
import com.helpdesk.export.domain.port.AuthenticationThrottle;
import com.helpdesk.export.domain.port.ExportSlots;
import com.helpdesk.export.domain.port.KeyVerifier;
import com.helpdesk.export.domain.port.RateLimiter;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Authorizes an export in this order: key (its format, then its hash: unknown, revoked, expired),
 * publishable key, team, permission, then the key's concurrency caps and its hourly budget. A key that fails counts
 * against its client address, and only such a call is ever refused for its address. A call refused by a cap is not
 * counted against the budget: the slot is taken first, the call counted only once it holds one.
 */
public final class AuthorizeExportService implements AuthorizeExportUseCase {

    private final KeyVerifier keyVerifier;
    private final AuthenticationThrottle throttle;
    private final ExportSlots slots;
    private final RateLimiter rateLimiter;
    private final ConcurrencyLimits concurrencyLimits;

    public AuthorizeExportService(
            KeyVerifier keyVerifier,
            AuthenticationThrottle throttle,
            ExportSlots slots,
            RateLimiter rateLimiter,
            ConcurrencyLimits concurrencyLimits) {
        this.keyVerifier = Objects.requireNonNull(keyVerifier, "keyVerifier");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.concurrencyLimits = Objects.requireNonNull(concurrencyLimits, "concurrencyLimits");
    }

    @Override
    public Admission authorize(ExportCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        if (credentials.presentedKey().isEmpty()) {
            // no key at all is not a guess: not counted against the address
            return refused(new ExportException(
                    ErrorCode.AUTHENTICATION_REQUIRED,
                    "Authentication required: send your API key as 'Authorization: Bearer <key>'."));
        }
        KeyVerification.Verified caller;
        try {
            caller = verify(ApiKey.parse(credentials.presentedKey().get()));
        } catch (ExportException failed) {
            if (failed.code().category() != ErrorCategory.AUTHENTICATION) {
                throw failed;
            }
            Optional<Duration> blocked = throttle.recordFailure(credentials.clientAddress());
            if (blocked.isPresent()) {
                long seconds = wholeSeconds(blocked.get());
                return refused(ExportException.retryLater(
                        ErrorCode.RATE_LIMIT_EXCEEDED,
                        "Too many failed " + "authentications from this address. Retry in " + seconds + " seconds.",
                        seconds));
            }
            return refused(failed);
        }
        TeamId team;
        try {
            team = authorizeTeam(caller, credentials.teamId());
        } catch (ExportException refused) {
            // shows the key's budget without counting the call, and without locking anything
            return new Admission.Refused(refused, Optional.of(rateLimiter.peek(caller)));
        }
        ExportSlots.Acquisition slot = slots.acquire(caller);
        if (slot instanceof ExportSlots.Refused cap) {
            RateLimitStatus budget = rateLimiter.peek(caller);
            if (!budget.allowed()) {
                // a call over both is answered for the hourly budget, which is checked before the caps
                return new Admission.Refused(overBudget(budget), Optional.of(budget));
            }
            return new Admission.Refused(
                    ExportException.retryLater(
                            ErrorCode.CONCURRENCY_LIMIT_EXCEEDED, overCap(cap), concurrencyLimits.retryAfterSeconds()),
                    Optional.of(budget));
        }
        ExportSlots.Slot held = ((ExportSlots.Acquired) slot).slot();
        try {
            RateLimitStatus budget = rateLimiter.consume(caller);
            if (!budget.allowed()) {
                held.close();
                return new Admission.Refused(overBudget(budget), Optional.of(budget));
            }
            return new Admission.Granted(new IssuedPass(caller, team, budget, held));
        } catch (RuntimeException | Error e) {
            held.close();
            throw e;
        }
    }

    private KeyVerification.Verified verify(ApiKey key) {
        KeyVerification verification = keyVerifier.verify(key);
        if (verification instanceof KeyVerification.Rejected rejected) {
            throw switch (rejected.reason()) {
                case UNKNOWN, REVOKED ->
                    new ExportException(
                            ErrorCode.INVALID_API_KEY, "Invalid API key " + key + ": it is unknown or was revoked.");
                case EXPIRED -> new ExportException(ErrorCode.KEY_EXPIRED, "API key " + key + " has expired.");
            };
        }
        return (KeyVerification.Verified) verification;
    }

    private static TeamId authorizeTeam(KeyVerification.Verified caller, String teamId) {
        if (caller.kind() != KeyKind.SECRET) {
            throw new ExportException(ErrorCode.INSUFFICIENT_PERMISSIONS, "Secret key required for this endpoint");
        }
        TeamId team = TeamId.parse(teamId, "teamId");
        if (!caller.team().equals(team)) {
            throw new ExportException(ErrorCode.TEAM_ACCESS_DENIED, "This key has no access to team " + team + ".");
        }
        if (!caller.role().holds(Permission.EXPORT_DATA)) {
            throw new ExportException(
                    ErrorCode.INSUFFICIENT_PERMISSIONS,
                    "The key's member is a " + caller.role().wireName()
                            + "; exporting needs the export_data permission (owner, admin or manager).");
        }
        return team;
    }

    private static ExportException overBudget(RateLimitStatus budget) {
        return ExportException.retryLater(
                ErrorCode.RATE_LIMIT_EXCEEDED,
                "Rate limit exceeded: this key may make "
                        + budget.limit() + " calls per " + budget.window().toSeconds() + " seconds. Retry in "
                        + budget.retryAfterSeconds() + " seconds.",
                budget.retryAfterSeconds());
    }

    private String overCap(ExportSlots.Refused cap) {
        String whose = cap.cap() == ExportSlots.Cap.KEY ? "this key" : "this team";
        return "Too many exports in progress: " + whose + " may run " + cap.limit() + " at once. Retry in "
                + concurrencyLimits.retryAfterSeconds() + " seconds, once one of them has finished.";
    }

    private static Admission refused(ExportException reason) {
        return new Admission.Refused(reason, Optional.empty());
    }

    private static long wholeSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
