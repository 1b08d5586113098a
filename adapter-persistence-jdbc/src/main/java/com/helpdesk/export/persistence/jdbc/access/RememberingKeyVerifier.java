package com.helpdesk.export.persistence.jdbc.access;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyHash;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.port.KeyVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link KeyVerifier} that remembers, for a short time, the keys another verifier rejected, so that the same bad key
 * presented again and again (a client left with a revoked key, a guesser that repeats itself) costs one lookup per
 * {@code timeToLive} instead of one per call. A rejection is answered from memory with its reason; a key the verifier
 * accepted is never remembered, so that a revocation or an expiry shows at the next call.
 *
 * <p>Why remembering a rejection is safe: a revoked key stays revoked, and an expired key stays expired (no key is
 * ever restored or given a later expiry). An unknown key could become known only if a key with that very secret were
 * made after it was presented: the secrets are random and shown once when made, so that means someone presented a
 * secret before it existed, or keys were imported with secrets their holders already used; {@code timeToLive} bounds
 * how long such a key would still be refused. An expired key revoked later keeps its {@code EXPIRED} answer for at
 * most as long. A lookup that fails (the database cannot be reached) is not an answer and is not remembered.
 *
 * <p>Only the key's SHA-256 ({@link KeyHash}) is kept, never the key; at most {@code capacity} of them
 * ({@link ExpiringMemory}: lapsed ones dropped first, then the oldest), so a flood of made-up keys cannot grow it.
 * It saves nothing against a guesser that never repeats a key: every new key is looked up, as it must be, since a
 * valid key is never refused for what other calls did.
 */
public final class RememberingKeyVerifier implements KeyVerifier {

    private final KeyVerifier verifier;
    private final ExpiringMemory<KeyHash, KeyVerification.Rejected> rejected;
    private final Duration timeToLive;
    private final Clock clock;

    /**
     * @param verifier   the verifier that looks keys up
     * @param capacity   rejected keys remembered at most; 0 remembers none (every call is looked up)
     * @param timeToLive how long a rejection is remembered: positive
     */
    public RememberingKeyVerifier(KeyVerifier verifier, int capacity, Duration timeToLive, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("the time a rejected key is remembered must be positive: " + timeToLive);
        }
        this.rejected = new ExpiringMemory<>(capacity);
    }

    @Override
    public KeyVerification verify(ApiKey key) {
        KeyHash hash = KeyHash.of(key);
        Instant now = clock.instant();
        Optional<ExpiringMemory.Remembered<KeyVerification.Rejected>> known = rejected.get(hash, now);
        if (known.isPresent()) {
            return known.get().value();
        }
        KeyVerification answer = verifier.verify(key);
        if (answer instanceof KeyVerification.Rejected rejection) {
            rejected.remember(hash, rejection, now.plus(timeToLive), now);
        }
        return answer;
    }

    /** Rejected keys remembered now. */
    public int remembered() {
        return rejected.size();
    }
}
