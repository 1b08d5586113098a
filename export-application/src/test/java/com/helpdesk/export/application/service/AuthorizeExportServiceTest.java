package com.helpdesk.export.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.application.port.in.Admission;
import com.helpdesk.export.application.port.in.ExportCredentials;
import com.helpdesk.export.application.port.in.ExportPass;
import com.helpdesk.export.application.service.Fakes.FakeKeyVerifier;
import com.helpdesk.export.application.service.Fakes.FakeRateLimiter;
import com.helpdesk.export.application.service.Fakes.FakeSlots;
import com.helpdesk.export.application.service.Fakes.FakeThrottle;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.RateLimitStatus;
import com.helpdesk.export.domain.model.Role;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.policy.ConcurrencyLimits;
import com.helpdesk.export.domain.port.ExportSlots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizeExportServiceTest {

    static final TeamId TEAM = new TeamId(UUID.fromString("1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10"));
    static final TeamId OTHER_TEAM = new TeamId(UUID.fromString("2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c9d"));
    static final String ADDRESS = "203.0.113.9";
    static final String OTHER_ADDRESS = "198.51.100.7";

    static final String LIVE_KEY = "sk_live_AbCdEfGh12345678";
    static final String TEST_KEY = "sk_test_AbCdEfGh12345678";
    static final String SECOND_KEY = "sk_live_Second0000000000";
    static final String PUBLISHABLE_KEY = "pk_live_AbCdEfGh12345678";
    static final String REVOKED_KEY = "sk_live_Revoked000000000";
    static final String EXPIRED_KEY = "sk_live_Expired000000000";
    static final String OTHER_TEAM_KEY = "sk_live_OtherTeam0000000";
    static final String AGENT_KEY = "sk_live_Agent00000000000";
    static final String UNKNOWN_KEY = "sk_live_Unknown000000000";
    static final String BAD_FORMAT_KEY = "sk_live_bad";

    /** 2 per key, 3 per team, 2.5 s: asked to wait 3 whole seconds. */
    static final ConcurrencyLimits LIMITS = new ConcurrencyLimits(2, 3, Duration.ofMillis(2_500));

    FakeKeyVerifier verifier;
    FakeThrottle throttle;
    FakeSlots slots;
    FakeRateLimiter limiter;
    AuthorizeExportService service;

    static KeyVerification.Verified verified(TeamId team, Role role, KeyKind kind, Mode mode) {
        return new KeyVerification.Verified(
                UUID.randomUUID(),
                team,
                UUID.randomUUID(),
                role,
                kind,
                mode,
                (kind == KeyKind.SECRET ? "sk_" : "pk_") + mode.wireName() + "_AbCd");
    }

    @BeforeEach
    void setUp() {
        verifier = new FakeKeyVerifier()
                .answer(LIVE_KEY, verified(TEAM, Role.OWNER, KeyKind.SECRET, Mode.LIVE))
                .answer(TEST_KEY, verified(TEAM, Role.ADMIN, KeyKind.SECRET, Mode.TEST))
                .answer(SECOND_KEY, verified(TEAM, Role.MANAGER, KeyKind.SECRET, Mode.LIVE))
                .answer(PUBLISHABLE_KEY, verified(TEAM, Role.OWNER, KeyKind.PUBLISHABLE, Mode.LIVE))
                .answer(REVOKED_KEY, new KeyVerification.Rejected(KeyVerification.Reason.REVOKED))
                .answer(EXPIRED_KEY, new KeyVerification.Rejected(KeyVerification.Reason.EXPIRED))
                .answer(OTHER_TEAM_KEY, verified(OTHER_TEAM, Role.OWNER, KeyKind.SECRET, Mode.LIVE))
                .answer(AGENT_KEY, verified(TEAM, Role.AGENT, KeyKind.SECRET, Mode.LIVE));
        throttle = new FakeThrottle();
        slots = new FakeSlots(LIMITS);
        limiter = new FakeRateLimiter();
        service = new AuthorizeExportService(verifier, throttle, slots, limiter, LIMITS);
    }

    static ExportCredentials credentials(String key, String teamId) {
        return credentials(key, teamId, ADDRESS);
    }

    static ExportCredentials credentials(String key, String teamId, String address) {
        return new ExportCredentials(Optional.ofNullable(key), teamId, address);
    }

    KeyVerification.Verified known(String key) {
        return (KeyVerification.Verified) verifier.answers.get(key);
    }

    Admission.Refused refused(ExportCredentials credentials) {
        Admission answer = service.authorize(credentials);
        assertThat(answer).isInstanceOf(Admission.Refused.class);
        return (Admission.Refused) answer;
    }

    ExportPass granted(ExportCredentials credentials) {
        Admission answer = service.authorize(credentials);
        assertThat(answer).isInstanceOf(Admission.Granted.class);
        return ((Admission.Granted) answer).pass();
    }

    /** Neither a slot nor the budget was touched. */
    void assertNothingTaken() {
        assertThat(slots.given).as("slots taken").isEmpty();
        assertThat(slots.refused).as("slots asked for").isEmpty();
        assertThat(limiter.consumed).as("calls counted").isEmpty();
    }

    @Nested
    class ChecksInTheContractsOrder {

        @Test
        void noKeyIsAuthenticationRequiredAndNotCountedAgainstTheAddress() {
            Admission.Refused refused = refused(credentials(null, "not-a-uuid"));
            assertThat(refused.reason().code()).isEqualTo(ErrorCode.AUTHENTICATION_REQUIRED);
            assertThat(refused.rateLimit()).isEmpty();
            assertThat(verifier.asked).isEmpty();
            assertThat(throttle.failures)
                    .as("a call without a key is not a guess")
                    .isEmpty();
            assertThat(limiter.peeked).isEmpty();
            assertNothingTaken();
        }

        @Test
        void noKeyIsNotRefusedForItsAddressEvenPastTheAllowance() {
            throttle.allowance = 0;
            assertThat(refused(credentials(null, TEAM.toString())).reason().code())
                    .isEqualTo(ErrorCode.AUTHENTICATION_REQUIRED);
            assertThat(throttle.failures).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "secret",
                    "sk_live_",
                    "rk_live_AbCdEfGh12345678",
                    "Bearer sk_live_AbCdEfGh12345678",
                    "sk_live_short",
                    "sk_live_AbCdEfGh1234567!",
                    " sk_live_AbCdEfGh12345678",
                    "sk_live_AbCdEfGh12345678\n"
                })
        void aKeyOfTheWrongFormatIsInvalidKeyFormatWithoutAskingTheVerifier(String key) {
            Admission.Refused refused = refused(credentials(key, "not-a-uuid"));
            assertThat(refused.reason().code()).isEqualTo(ErrorCode.INVALID_KEY_FORMAT);
            assertThat(refused.rateLimit()).isEmpty();
            assertThat(verifier.asked).isEmpty();
            assertThat(throttle.failuresOf(ADDRESS)).isEqualTo(1);
            assertNothingTaken();
        }

        @Test
        void anUnknownOrRevokedKeyIsInvalidApiKey() {
            for (String key : List.of(UNKNOWN_KEY, REVOKED_KEY)) {
                Admission.Refused refused = refused(credentials(key, TEAM.toString()));
                assertThat(refused.reason().code()).as(key).isEqualTo(ErrorCode.INVALID_API_KEY);
                assertThat(refused.rateLimit()).isEmpty();
            }
            assertThat(verifier.asked).hasSize(2);
            assertThat(limiter.peeked).isEmpty();
            assertNothingTaken();
        }

        @Test
        void anExpiredKeyIsKeyExpired() {
            Admission.Refused refused = refused(credentials(EXPIRED_KEY, "not-a-uuid"));
            assertThat(refused.reason().code()).isEqualTo(ErrorCode.KEY_EXPIRED);
            assertThat(refused.rateLimit()).isEmpty();
            assertNothingTaken();
        }

        @Test
        void neverPutsTheWholeKeyInAMessage() {
            for (String key : List.of(
                    UNKNOWN_KEY,
                    REVOKED_KEY,
                    EXPIRED_KEY,
                    PUBLISHABLE_KEY,
                    AGENT_KEY,
                    LIVE_KEY,
                    BAD_FORMAT_KEY + "AAAAAAAA!")) {
                Admission.Refused refused = refused(credentials(key, OTHER_TEAM.toString()));
                assertThat(refused.reason().getMessage())
                        .as(key)
                        .doesNotContain(key)
                        .doesNotContain(key.substring(8));
            }
            throttle.allowance = 0;
            Admission.Refused throttled = refused(credentials(UNKNOWN_KEY, TEAM.toString()));
            assertThat(throttled.reason().getMessage()).doesNotContain(UNKNOWN_KEY.substring(8));
        }

        @Test
        void aPublishableKeyIsRefusedBeforeTheTeamIsLookedAt() {
            for (String teamId : new String[] {TEAM.toString(), OTHER_TEAM.toString(), "not-a-uuid", null}) {
                Admission.Refused refused = refused(credentials(PUBLISHABLE_KEY, teamId));
                assertThat(refused.reason().code()).isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS);
                assertThat(refused.reason().getMessage()).isEqualTo("Secret key required for this endpoint");
                assertThat(refused.reason().param()).isNull();
            }
            assertNothingTaken();
        }

        @Test
        void aMalformedTeamIdIsAnInvalidParameter() {
            for (String key : List.of(LIVE_KEY, OTHER_TEAM_KEY, AGENT_KEY)) {
                for (String teamId :
                        new String[] {"not-a-uuid", "", null, "1f0c7d2e6f2a4c1b9a513d8e2b7c9a10", "{" + TEAM + "}"}) {
                    Admission.Refused refused = refused(credentials(key, teamId));
                    assertThat(refused.reason().code()).as(key + " " + teamId).isEqualTo(ErrorCode.PARAMETER_INVALID);
                    assertThat(refused.reason().param()).isEqualTo("teamId");
                }
            }
            assertNothingTaken();
        }

        @Test
        void aKeyOfAnotherTeamIsDeniedWhetherOrNotTheTeamExists() {
            for (String[] call : new String[][] {
                {OTHER_TEAM_KEY, TEAM.toString()},
                {LIVE_KEY, OTHER_TEAM.toString()},
                {LIVE_KEY, UUID.randomUUID().toString()},
                {AGENT_KEY, OTHER_TEAM.toString()}
            }) {
                Admission.Refused refused = refused(credentials(call[0], call[1]));
                assertThat(refused.reason().code()).as(call[0] + " " + call[1]).isEqualTo(ErrorCode.TEAM_ACCESS_DENIED);
            }
            assertNothingTaken();
        }

        @ParameterizedTest
        @EnumSource(
                value = Role.class,
                names = {"LIBRARIAN", "AGENT", "SPECTATOR"})
        void aRoleWithoutExportDataIsInsufficientPermissions(Role role) {
            verifier.answer(AGENT_KEY, verified(TEAM, role, KeyKind.SECRET, Mode.LIVE));
            Admission.Refused refused = refused(credentials(AGENT_KEY, TEAM.toString()));
            assertThat(refused.reason().code()).isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS);
            assertThat(refused.reason().getMessage()).contains(role.wireName()).contains("export_data");
            assertNothingTaken();
        }

        @ParameterizedTest
        @EnumSource(
                value = Role.class,
                names = {"OWNER", "ADMIN", "MANAGER"})
        void aRoleWithExportDataMayExport(Role role) {
            verifier.answer(AGENT_KEY, verified(TEAM, role, KeyKind.SECRET, Mode.LIVE));
            try (ExportPass export = granted(credentials(AGENT_KEY, TEAM.toString()))) {
                assertThat(export.caller().role()).isEqualTo(role);
            }
        }

        @Test
        void acceptsTheTeamIdInUpperCase() {
            try (ExportPass export =
                    granted(credentials(LIVE_KEY, TEAM.toString().toUpperCase()))) {
                assertThat(export.team()).isEqualTo(TEAM);
            }
        }

        @Test
        void aGrantedCallCarriesTheVerifiedCallerItsTeamAndItsCountedBudget() {
            try (ExportPass export = granted(credentials(TEST_KEY, TEAM.toString()))) {
                assertThat(export.caller()).isSameAs(known(TEST_KEY));
                assertThat(export.caller().mode()).isEqualTo(Mode.TEST);
                assertThat(export.team()).isEqualTo(TEAM);
                assertThat(export.rateLimit())
                        .isEqualTo(new RateLimitStatus(
                                true, 1_000, 999, FakeRateLimiter.RESET, FakeRateLimiter.WINDOW, Duration.ZERO));
            }
            assertThat(limiter.consumed).containsExactly(known(TEST_KEY).keyId());
            assertThat(throttle.failures).isEmpty();
        }
    }

    @Nested
    class RateLimitAndCaps {

        @Test
        void overTheBudgetIsRateLimitExceededWithRetryAfter() {
            limiter.limit = 2;
            for (int i = 0; i < 2; i++) {
                granted(credentials(LIVE_KEY, TEAM.toString())).close();
            }
            Admission.Refused refused = refused(credentials(LIVE_KEY, TEAM.toString()));
            assertThat(refused.reason().code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
            assertThat(refused.reason().retryAfterSeconds()).hasValue(90);
            assertThat(refused.reason().getMessage())
                    .contains("2 calls per 3600 seconds")
                    .contains("90 seconds");
            assertThat(refused.rateLimit()).hasValueSatisfying(s -> {
                assertThat(s.allowed()).isFalse();
                assertThat(s.remaining()).isZero();
            });
            assertThat(limiter.usedBy(known(LIVE_KEY))).isEqualTo(2);
        }

        @Test
        void theSlotIsGivenBackWhenTheBudgetRefuses() {
            limiter.limit = 0;
            assertThat(refused(credentials(LIVE_KEY, TEAM.toString())).reason().code())
                    .isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
            assertThat(slots.given)
                    .singleElement()
                    .satisfies(slot -> assertThat(slot.isClosed()).isTrue());
            assertThat(slots.held()).isZero();
            assertThat(slots.releases).isEqualTo(1);
        }

        @Test
        void theSlotIsGivenBackWhenCountingTheCallFails() {
            ExportException down = new ExportException(ErrorCode.SERVICE_UNAVAILABLE, "rate-limit store unreachable");
            limiter.consumeFailure = down;
            assertThatThrownBy(() -> service.authorize(credentials(LIVE_KEY, TEAM.toString())))
                    .isSameAs(down);
            assertThat(slots.given).hasSize(1);
            assertThat(slots.held()).isZero();
            assertThat(slots.releases).isEqualTo(1);
        }

        @Test
        void theSlotIsGivenBackWhenCountingTheCallFailsUnexpectedly() {
            IllegalStateException bug = new IllegalStateException("boom");
            limiter.consumeFailure = bug;
            assertThatThrownBy(() -> service.authorize(credentials(LIVE_KEY, TEAM.toString())))
                    .isSameAs(bug);
            assertThat(slots.held()).isZero();
        }

        @Test
        void overTheKeysCapIsConcurrencyLimitExceededWithTheBudgetShownButNotConsumed() {
            ExportPass first = granted(credentials(LIVE_KEY, TEAM.toString()));
            ExportPass second = granted(credentials(LIVE_KEY, TEAM.toString()));
            int peeksBefore = limiter.peeked.size();

            Admission.Refused refused = refused(credentials(LIVE_KEY, TEAM.toString()));
            assertThat(refused.reason().code()).isEqualTo(ErrorCode.CONCURRENCY_LIMIT_EXCEEDED);
            assertThat(refused.reason().retryAfterSeconds())
                    .hasValue(LIMITS.retryAfterSeconds())
                    .hasValue(3);
            assertThat(refused.reason().getMessage())
                    .contains("this key may run 2 at once")
                    .contains("Retry in 3 seconds");
            assertThat(refused.rateLimit())
                    .hasValue(new RateLimitStatus(
                            true, 1_000, 998, FakeRateLimiter.RESET, FakeRateLimiter.WINDOW, Duration.ZERO));
            assertThat(limiter.consumed).as("the refused call is not counted").hasSize(2);
            assertThat(limiter.usedBy(known(LIVE_KEY))).isEqualTo(2);
            assertThat(limiter.peeked).hasSize(peeksBefore + 1);
            assertThat(slots.refused).containsExactly(new ExportSlots.Refused(ExportSlots.Cap.KEY, 2));
            assertThat(slots.heldByKey(known(LIVE_KEY))).isEqualTo(2);

            first.close();
            try (ExportPass third = granted(credentials(LIVE_KEY, TEAM.toString()))) {
                assertThat(slots.heldByKey(known(LIVE_KEY))).isEqualTo(2);
            }
            second.close();
            assertThat(slots.held()).isZero();
        }

        @Test
        void overTheTeamsCapIsConcurrencyLimitExceeded() {
            granted(credentials(LIVE_KEY, TEAM.toString()));
            granted(credentials(LIVE_KEY, TEAM.toString()));
            granted(credentials(SECOND_KEY, TEAM.toString()));

            Admission.Refused refused = refused(credentials(SECOND_KEY, TEAM.toString()));
            assertThat(refused.reason().code()).isEqualTo(ErrorCode.CONCURRENCY_LIMIT_EXCEEDED);
            assertThat(refused.reason().retryAfterSeconds()).hasValue(3);
            assertThat(refused.reason().getMessage()).contains("this team may run 3 at once");
            assertThat(refused.rateLimit())
                    .hasValueSatisfying(s -> assertThat(s.remaining()).isEqualTo(999));
            assertThat(limiter.usedBy(known(SECOND_KEY))).isEqualTo(1);
            assertThat(slots.heldByTeam(TEAM)).isEqualTo(3);

            // another team is not held back by this one
            try (ExportPass other = granted(credentials(OTHER_TEAM_KEY, OTHER_TEAM.toString()))) {
                assertThat(other.team()).isEqualTo(OTHER_TEAM);
            }
        }

        @Test
        void overTheBudgetAndOverACapIsRateLimitExceededFirst() {
            limiter.limit = 2;
            granted(credentials(LIVE_KEY, TEAM.toString()));
            granted(credentials(LIVE_KEY, TEAM.toString()));

            Admission.Refused refused = refused(credentials(LIVE_KEY, TEAM.toString()));
            assertThat(slots.refused).as("the cap was reached too").hasSize(1);
            assertThat(refused.reason().code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
            assertThat(refused.reason().retryAfterSeconds()).hasValue(90);
            assertThat(refused.rateLimit())
                    .hasValueSatisfying(s -> assertThat(s.allowed()).isFalse());
            assertThat(limiter.consumed).hasSize(2);
            assertThat(slots.heldByKey(known(LIVE_KEY))).isEqualTo(2);
        }

        @Test
        void refusalsAfterTheKeyIsKnownCarryThePeekedStatusWithoutCountingTheCall() {
            limiter.used.put(known(LIVE_KEY).keyId(), 10L);
            limiter.used.put(known(PUBLISHABLE_KEY).keyId(), 20L);
            limiter.used.put(known(AGENT_KEY).keyId(), 30L);
            for (String[] call : new String[][] {
                {PUBLISHABLE_KEY, TEAM.toString(), "980"},
                {LIVE_KEY, OTHER_TEAM.toString(), "990"},
                {AGENT_KEY, TEAM.toString(), "970"},
                {LIVE_KEY, "not-a-uuid", "990"}
            }) {
                Admission.Refused refused = refused(credentials(call[0], call[1]));
                assertThat(refused.rateLimit()).as(call[0] + " " + call[1]).hasValueSatisfying(s -> {
                    assertThat(s.allowed()).isTrue();
                    assertThat(s.remaining()).isEqualTo(Long.parseLong(call[2]));
                });
            }
            assertThat(limiter.peeked).hasSize(4);
            assertThat(limiter.used)
                    .containsEntry(known(LIVE_KEY).keyId(), 10L)
                    .containsEntry(known(PUBLISHABLE_KEY).keyId(), 20L)
                    .containsEntry(known(AGENT_KEY).keyId(), 30L);
            assertNothingTaken();
        }

        @Test
        void aForbiddenCallIsAnsweredAsForbiddenEvenWhenTheKeyIsOverItsBudget() {
            limiter.limit = 0;
            Admission.Refused refused = refused(credentials(AGENT_KEY, TEAM.toString()));
            assertThat(refused.reason().code()).isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS);
            assertThat(refused.rateLimit())
                    .hasValueSatisfying(s -> assertThat(s.allowed()).isFalse());
            assertNothingTaken();
        }
    }

    @Nested
    class Slots {

        @Test
        void aGrantedCallHoldsExactlyOneSlotUntilItsExportIsClosed() {
            ExportPass export = granted(credentials(LIVE_KEY, TEAM.toString()));
            assertThat(slots.given).hasSize(1);
            assertThat(slots.heldByKey(known(LIVE_KEY))).isEqualTo(1);
            assertThat(slots.heldByTeam(TEAM)).isEqualTo(1);
            assertThat(slots.releases).isZero();

            export.close();
            assertThat(slots.held()).isZero();
            assertThat(slots.releases).isEqualTo(1);
        }

        @Test
        void closingTwiceGivesTheSlotBackOnce() {
            ExportPass other = granted(credentials(SECOND_KEY, TEAM.toString()));
            ExportPass export = granted(credentials(LIVE_KEY, TEAM.toString()));
            export.close();
            export.close();
            assertThat(slots.releases).isEqualTo(1);
            assertThat(slots.heldByKey(known(LIVE_KEY))).isZero();
            assertThat(slots.heldByTeam(TEAM))
                    .as("the other export still holds its slot")
                    .isEqualTo(1);
            other.close();
            assertThat(slots.held()).isZero();
        }

        @Test
        void aRefusedCallHoldsNoSlot() {
            for (ExportCredentials call : List.of(
                    credentials(null, TEAM.toString()),
                    credentials(UNKNOWN_KEY, TEAM.toString()),
                    credentials(PUBLISHABLE_KEY, TEAM.toString()),
                    credentials(AGENT_KEY, TEAM.toString()),
                    credentials(LIVE_KEY, OTHER_TEAM.toString()))) {
                assertThat(service.authorize(call)).isInstanceOf(Admission.Refused.class);
            }
            assertThat(slots.held()).isZero();
            assertThat(slots.given).isEmpty();
        }
    }

    @Nested
    class Throttling {

        @Test
        void everyFailedKeyIsRecordedForItsAddressAndCountsAgainstNoKey() {
            for (String key : new String[] {UNKNOWN_KEY, REVOKED_KEY, EXPIRED_KEY, BAD_FORMAT_KEY}) {
                Admission.Refused refused = refused(credentials(key, TEAM.toString()));
                assertThat(refused.rateLimit()).isEmpty();
            }
            assertThat(throttle.failures).containsExactlyEntriesOf(Map.of(ADDRESS, 4));
            assertThat(limiter.peeked).isEmpty();
            assertNothingTaken();
        }

        @Test
        void pastTheAllowanceAFailingKeyIsRateLimitExceeded() {
            throttle.allowance = 3;
            List<ErrorCode> codes = new ArrayList<>();
            for (String key : new String[] {UNKNOWN_KEY, REVOKED_KEY, BAD_FORMAT_KEY, EXPIRED_KEY, UNKNOWN_KEY}) {
                codes.add(refused(credentials(key, TEAM.toString())).reason().code());
            }
            assertThat(codes)
                    .containsExactly(
                            ErrorCode.INVALID_API_KEY,
                            ErrorCode.INVALID_API_KEY,
                            ErrorCode.INVALID_KEY_FORMAT,
                            ErrorCode.RATE_LIMIT_EXCEEDED,
                            ErrorCode.RATE_LIMIT_EXCEEDED);

            Admission.Refused refused = refused(credentials(EXPIRED_KEY, TEAM.toString()));
            assertThat(refused.reason().code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
            assertThat(refused.reason().retryAfterSeconds())
                    .as("42.5 s, rounded up")
                    .hasValue(43);
            assertThat(refused.reason().getMessage()).contains("43 seconds");
            assertThat(refused.rateLimit()).isEmpty();
            assertThat(throttle.failuresOf(ADDRESS)).isEqualTo(6);
            assertNothingTaken();
        }

        @Test
        void aValidKeyFromAThrottledAddressIsGrantedAndNotRecorded() {
            throttle.allowance = 2;
            for (int i = 0; i < 5; i++) {
                refused(credentials(UNKNOWN_KEY, TEAM.toString()));
            }
            assertThat(refused(credentials(UNKNOWN_KEY, TEAM.toString()))
                            .reason()
                            .code())
                    .isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);

            try (ExportPass export = granted(credentials(LIVE_KEY, TEAM.toString()))) {
                assertThat(export.caller()).isSameAs(known(LIVE_KEY));
            }
            assertThat(throttle.failuresOf(ADDRESS)).isEqualTo(6);
            // a valid key refused by a later check (here its role) is not a failed authentication either
            assertThat(refused(credentials(AGENT_KEY, TEAM.toString())).reason().code())
                    .isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS);
            assertThat(throttle.failuresOf(ADDRESS)).isEqualTo(6);
        }

        @Test
        void otherAddressesAreNotAffected() {
            throttle.allowance = 1;
            refused(credentials(UNKNOWN_KEY, TEAM.toString()));
            assertThat(refused(credentials(UNKNOWN_KEY, TEAM.toString()))
                            .reason()
                            .code())
                    .isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
            assertThat(refused(credentials(UNKNOWN_KEY, TEAM.toString(), OTHER_ADDRESS))
                            .reason()
                            .code())
                    .isEqualTo(ErrorCode.INVALID_API_KEY);
            assertThat(throttle.failures).containsEntry(ADDRESS, 2).containsEntry(OTHER_ADDRESS, 1);
        }
    }

    @Nested
    class Failures {

        @Test
        void aVerifierThatCannotAnswerIsAnExceptionNotARefusal() {
            ExportException down = new ExportException(ErrorCode.SERVICE_UNAVAILABLE, "database unreachable");
            verifier.failure = down;
            assertThatThrownBy(() -> service.authorize(credentials(LIVE_KEY, TEAM.toString())))
                    .isSameAs(down);
            assertThat(throttle.failures).as("an outage is not a guess").isEmpty();
            assertNothingTaken();
        }

        @Test
        void anUnexpectedVerifierFailurePropagates() {
            IllegalStateException bug = new IllegalStateException("boom");
            verifier.failure = bug;
            assertThatThrownBy(() -> service.authorize(credentials(LIVE_KEY, TEAM.toString())))
                    .isSameAs(bug);
            assertThat(throttle.failures).isEmpty();
        }

        @Test
        void slotsThatCannotBeTakenAreAnExceptionAndNothingIsCounted() {
            ExportException down = new ExportException(ErrorCode.SERVICE_UNAVAILABLE, "slots unreachable");
            AuthorizeExportService failing = new AuthorizeExportService(
                    verifier,
                    throttle,
                    caller -> {
                        throw down;
                    },
                    limiter,
                    LIMITS);
            assertThatThrownBy(() -> failing.authorize(credentials(LIVE_KEY, TEAM.toString())))
                    .isSameAs(down);
            assertThat(limiter.consumed).isEmpty();
        }
    }

    @Nested
    class Construction {

        @Test
        void needsEveryCollaborator() {
            assertThatThrownBy(() -> new AuthorizeExportService(null, throttle, slots, limiter, LIMITS))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new AuthorizeExportService(verifier, null, slots, limiter, LIMITS))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new AuthorizeExportService(verifier, throttle, null, limiter, LIMITS))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new AuthorizeExportService(verifier, throttle, slots, null, LIMITS))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new AuthorizeExportService(verifier, throttle, slots, limiter, null))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> service.authorize(null)).isInstanceOf(NullPointerException.class);
        }
    }
}
