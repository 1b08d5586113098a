package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCategory;
import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {

    private static final String SECRET = "AbCdEfGh12345678XyZ";

    @ParameterizedTest
    @CsvSource({
        "sk_live_, SECRET, LIVE",
        "sk_test_, SECRET, TEST",
        "pk_live_, PUBLISHABLE, LIVE",
        "pk_test_, PUBLISHABLE, TEST"
    })
    void parsesEachOfTheFourPrefixes(String prefix, KeyKind kind, Mode mode) {
        ApiKey key = ApiKey.parse(prefix + SECRET);
        assertThat(key.kind()).isEqualTo(kind);
        assertThat(key.mode()).isEqualTo(mode);
        assertThat(key.reveal()).isEqualTo(prefix + SECRET);
        assertThat(key.displayPrefix()).isEqualTo(prefix + "AbCd").hasSize(ApiKey.DISPLAY_PREFIX_LENGTH);
        assertThat(kind.prefix()).isEqualTo(prefix.substring(0, 2));
        assertThat(mode.wireName()).isEqualTo(prefix.substring(3, 7));
    }

    @Test
    void takesSecretsOfSixteenToOneHundredTwentyEightLettersAndDigits() {
        assertThat(ApiKey.parse("sk_live_" + "a".repeat(16)).reveal()).hasSize(24);
        assertThat(ApiKey.parse("sk_live_" + "Z9".repeat(64)).reveal()).hasSize(136);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "sk_live_",
                "sk_live_short",
                "sk_live_" + "a",
                "sk_live_aaaaaaaaaaaaaaa",
                "rk_live_AbCdEfGh12345678",
                "sk_prod_AbCdEfGh12345678",
                "SK_LIVE_AbCdEfGh12345678",
                "sk-live-AbCdEfGh12345678",
                "sk_live_AbCdEfGh-12345678",
                "sk_live_AbCdEfGh_12345678",
                "sk_live_AbCdEfGh12345678 ",
                " sk_live_AbCdEfGh12345678",
                "Bearer sk_live_AbCdEfGh12345678",
                "sk_live_AbCdEfGh1234567\u00e9",
                "sk_liveAbCdEfGh12345678",
                "sk_test_AbCdEfGh1234567\n",
                "pk_test_AbCdEfGh+/345678=="
            })
    void refusesAnyOtherFormat(String presented) {
        assertThatThrownBy(() -> ApiKey.parse(presented)).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY_FORMAT);
            assertThat(e.code().category()).isEqualTo(ErrorCategory.AUTHENTICATION);
            assertThat(e.param()).isNull();
            if (presented.length() > 12) {
                assertThat(e.getMessage()).doesNotContain(presented.trim());
            }
        });
    }

    @Test
    void refusesTooLongASecret() {
        assertThatThrownBy(() -> ApiKey.parse("sk_live_" + "a".repeat(129)))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY_FORMAT));
    }

    @Test
    void neverShowsTheSecretInToString() {
        String lettersAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        Property.forAll(1000, Gens.strings(Gens.charsOf(lettersAndDigits), 16, 128), secret -> {
            for (String prefix : new String[] {"sk_live_", "sk_test_", "pk_live_", "pk_test_"}) {
                ApiKey key = ApiKey.parse(prefix + secret);
                assertThat(key.toString())
                        .doesNotContain(secret)
                        .doesNotContain(key.reveal())
                        .isEqualTo(key.displayPrefix() + "…");
                assertThat(key.toString().length()).isLessThan(prefix.length() + 8);
            }
        });
    }

    @Test
    void redactsAPresentedKeyToItsDisplayPrefixAndAnythingElseWhole() {
        assertThat(ApiKey.redact("sk_live_" + SECRET)).isEqualTo("sk_live_AbCd…");
        assertThat(ApiKey.redact("pk_test_" + SECRET)).isEqualTo("pk_test_AbCd…");
        for (String notAKey : new String[] {
            "", "sk_live_short", "sk_live_" + SECRET + "!", "Bearer sk_live_" + SECRET, "sk_live_" + "a".repeat(129)
        }) {
            assertThat(ApiKey.redact(notAKey)).isEqualTo(ApiKey.HIDDEN);
        }
        assertThatThrownBy(() -> ApiKey.redact(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void comparesByValue() {
        assertThat(ApiKey.parse("sk_live_" + SECRET))
                .isEqualTo(ApiKey.parse("sk_live_" + SECRET))
                .hasSameHashCodeAs(ApiKey.parse("sk_live_" + SECRET))
                .isNotEqualTo(ApiKey.parse("sk_test_" + SECRET));
    }
}
