package com.helpdesk.export.persistence.jdbc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.KeyVerifier;
import com.helpdesk.export.testsupport.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The memory of rejected keys in front of a counting fake verifier, on a clock the test moves. */
class RememberingKeyVerifierTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final ApiKey VALID = ApiKey.parse("sk_live_Valid0000000000000000");
    private static final ApiKey BAD = ApiKey.parse("sk_live_Bad00000000000000000");

    /** Answers what it is told per key (unknown otherwise), counting the lookups of each key. */
    static final class CountingVerifier implements KeyVerifier {
        final Map<String, KeyVerification> answers = new HashMap<>();
        final Map<String, Integer> lookups = new HashMap<>();
        RuntimeException failure;

        @Override
        public KeyVerification verify(ApiKey key) {
            lookups.merge(key.reveal(), 1, Integer::sum);
            if (failure != null) {
                throw failure;
            }
            return answers.getOrDefault(key.reveal(), new KeyVerification.Rejected(KeyVerification.Reason.UNKNOWN));
        }

        int lookupsOf(ApiKey key) {
            return lookups.getOrDefault(key.reveal(), 0);
        }
    }

    private final MutableClock clock = MutableClock.at("2026-11-27T14:37:30Z");
    private final CountingVerifier lookups = new CountingVerifier();
    private final RememberingKeyVerifier verifier = new RememberingKeyVerifier(lookups, 100, MINUTE, clock);

    private static KeyVerification.Verified owner() {
        return new KeyVerification.Verified(
                UUID.randomUUID(),
                new TeamId(UUID.randomUUID()),
                UUID.randomUUID(),
                Role.OWNER,
                KeyKind.SECRET,
                Mode.LIVE,
                "sk_live_Vali");
    }

    @ParameterizedTest
    @EnumSource(KeyVerification.Reason.class)
    void aRejectedKeyIsAnsweredFromMemoryWithItsReasonForTheTimeToLive(KeyVerification.Reason reason) {
        lookups.answers.put(BAD.reveal(), new KeyVerification.Rejected(reason));
        for (int i = 0; i < 100; i++) {
            assertThat(verifier.verify(BAD)).isEqualTo(new KeyVerification.Rejected(reason));
        }
        clock.advance(MINUTE.minusMillis(1));
        assertThat(verifier.verify(BAD)).isEqualTo(new KeyVerification.Rejected(reason));
        assertThat(lookups.lookupsOf(BAD)).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(verifier.verify(BAD)).isEqualTo(new KeyVerification.Rejected(reason));
        assertThat(lookups.lookupsOf(BAD))
                .as("looked up again once the time to live passed")
                .isEqualTo(2);
    }

    @Test
    void aValidKeyIsNeverRememberedSoItsRevocationShowsAtTheNextCall() {
        KeyVerification.Verified owner = owner();
        lookups.answers.put(VALID.reveal(), owner);
        for (int i = 0; i < 5; i++) {
            assertThat(verifier.verify(VALID)).isSameAs(owner);
        }
        assertThat(lookups.lookupsOf(VALID)).isEqualTo(5);

        lookups.answers.put(VALID.reveal(), new KeyVerification.Rejected(KeyVerification.Reason.REVOKED));
        assertThat(verifier.verify(VALID)).isEqualTo(new KeyVerification.Rejected(KeyVerification.Reason.REVOKED));
        assertThat(verifier.remembered()).isEqualTo(1);
    }

    @Test
    void aLookupThatFailedIsNotAnAnswerAndIsNotRemembered() {
        lookups.failure = new ExportException(ErrorCode.SERVICE_UNAVAILABLE, "database unreachable");
        assertThatThrownBy(() -> verifier.verify(BAD)).isSameAs(lookups.failure);
        assertThat(verifier.remembered()).isZero();

        lookups.failure = null;
        assertThat(verifier.verify(BAD)).isEqualTo(new KeyVerification.Rejected(KeyVerification.Reason.UNKNOWN));
        assertThat(lookups.lookupsOf(BAD)).isEqualTo(2);
    }

    @Test
    void theMemoryIsBoundedSoAFloodOfMadeUpKeysCannotGrowIt() {
        for (int i = 0; i < 1_000; i++) {
            verifier.verify(ApiKey.parse(String.format("sk_live_Guess%016d", i)));
            assertThat(verifier.remembered()).isLessThanOrEqualTo(100);
        }
        ApiKey newest = ApiKey.parse(String.format("sk_live_Guess%016d", 999));
        ApiKey oldest = ApiKey.parse(String.format("sk_live_Guess%016d", 0));
        verifier.verify(newest);
        verifier.verify(oldest);
        assertThat(lookups.lookupsOf(newest)).as("the newest, from memory").isEqualTo(1);
        assertThat(lookups.lookupsOf(oldest)).as("the oldest, forgotten").isEqualTo(2);
    }

    @Test
    void withACapacityOfZeroEveryKeyIsLookedUp() {
        RememberingKeyVerifier none = new RememberingKeyVerifier(lookups, 0, MINUTE, clock);
        for (int i = 0; i < 10; i++) {
            none.verify(BAD);
        }
        assertThat(lookups.lookupsOf(BAD)).isEqualTo(10);
    }

    @Test
    void aMeaninglessConfigurationIsRefused() {
        assertThatThrownBy(() -> new RememberingKeyVerifier(lookups, -1, MINUTE, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RememberingKeyVerifier(lookups, 10, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
