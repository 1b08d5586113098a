package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.AdministrationException;
import com.helpdesk.export.domain.error.AdministrationException.Reason;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of what an administrator types: names, email, expiry; and the records of stored keys. */
class AdminInputsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T14:30:00Z");

    @Test
    void namesAreStrippedAndKept() {
        assertThat(new TeamName("  Acme Support ").value()).isEqualTo("Acme Support");
        assertThat(new MemberName("佐藤 花子").value()).isEqualTo("佐藤 花子");
        assertThat(new MemberName("x".repeat(200)).value()).hasSize(200);
        assertThat(new TeamName("😀".repeat(200)).value()).hasSize(400); // code points, not chars
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void aBlankNameIsRefused(String blank) {
        assertInvalid(() -> new TeamName(blank), "The team name must not be empty.");
        assertInvalid(() -> new MemberName(blank), "The member name must not be empty.");
    }

    @Test
    void aMissingTooLongOrControlHoldingNameIsRefused() {
        assertInvalid(() -> new TeamName(null), "The team name must not be empty.");
        assertInvalid(() -> new MemberName("x".repeat(201)), "The member name must have at most 200 characters.");
        assertInvalid(
                () -> new TeamName("Line\nBreak"),
                "The team name must not hold control characters (tabs, line breaks, ...).");
    }

    @Test
    void anEmailIsStrippedAndMustHaveItsShape() {
        assertThat(new EmailAddress(" olivia@acme.example ").value()).isEqualTo("olivia@acme.example");
        for (String wrong :
                new String[] {"nobody", "a@b@c", "a b@c", "@acme.example", "olivia@", "", "a@" + "b".repeat(253)}) {
            assertInvalid(
                    () -> new EmailAddress(wrong),
                    "The email must look like name@example.com (at most 254 " + "characters); leave it out for none.");
        }
    }

    @Test
    void anExpiryMustBeInTheFutureAndBeforeTheYear10000() {
        assertThat(KeyExpiry.of(NOW.plusSeconds(1), NOW).value()).isEqualTo(NOW.plusSeconds(1));
        assertThat(KeyExpiry.of(NOW.plusNanos(1_234_567), NOW).value()).isEqualTo(NOW.plusNanos(1_234_000));
        assertInvalid(
                () -> KeyExpiry.of(NOW, NOW),
                "The expiry must be in the future (it is 2026-11-27T14:30:00Z, " + "now is 2026-11-27T14:30:00Z).");
        assertInvalid(() -> KeyExpiry.of(NOW.plusNanos(999), NOW), "The expiry must be in the future");
        assertInvalid(
                () -> KeyExpiry.of(Instant.parse("+10000-01-01T00:00:00Z"), NOW),
                "The expiry must be before the year 10000; leave it out for a key that does not expire.");
        assertThat(KeyExpiry.of(KeyExpiry.LATEST, NOW).value()).isEqualTo(KeyExpiry.LATEST);
    }

    @Test
    void aKeyDescriptionsStatusFollowsTheKeyStatusRule() {
        KeyDescription key = new KeyDescription(
                UUID.randomUUID(),
                "sk_live_AbCd",
                KeyKind.SECRET,
                Mode.LIVE,
                UUID.randomUUID(),
                "Olivia",
                Role.OWNER,
                NOW,
                Optional.of(NOW.plusSeconds(60)),
                Optional.empty());
        assertThat(key.statusAt(NOW)).isEqualTo(KeyStatus.ACTIVE);
        assertThat(key.statusAt(NOW.plusSeconds(60))).isEqualTo(KeyStatus.EXPIRED);
        assertThatThrownBy(() -> new KeyDescription(
                        UUID.randomUUID(),
                        "sk_live_AbCdEfGh",
                        KeyKind.SECRET,
                        Mode.LIVE,
                        UUID.randomUUID(),
                        "Olivia",
                        Role.OWNER,
                        NOW,
                        Optional.empty(),
                        Optional.empty()))
                .as("more than a display prefix")
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AdministrationException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT);
            assertThat(e.getMessage()).startsWith(message);
        });
    }
}
