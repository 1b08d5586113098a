package com.helpdesk.export.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.model.ApiKey;
import com.helpdesk.export.domain.model.KeyKind;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExportCredentialsTest {

    private static final String TEAM = "8f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    @Test
    void showsAWellFormedKeyOnlyByItsDisplayPrefix() {
        String key = "sk_live_AbCdEfGhIjKlMnOpQrStUvWxYz012345";
        String shown = new ExportCredentials(Optional.of(key), TEAM, "203.0.113.9").toString();
        assertThat(shown)
                .doesNotContain(key)
                .doesNotContain(key.substring(ApiKey.DISPLAY_PREFIX_LENGTH))
                .contains("sk_live_AbCd…")
                .contains(TEAM)
                .contains("203.0.113.9");
    }

    @Test
    void neverShowsTheSecretOfAnyKey() {
        Property.forAll(
                500,
                Gens.of(KeyKind.values()),
                Gens.of(Mode.values()),
                Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE),
                (kind, mode, seed) -> {
                    String key = ApiKey.generate(kind, mode, new SplittableRandom(seed))
                            .reveal();
                    String shown = new ExportCredentials(Optional.of(key), TEAM, "127.0.0.1").toString();
                    // no five characters in a row of the secret beyond the display prefix
                    String secret = key.substring(ApiKey.DISPLAY_PREFIX_LENGTH);
                    for (int i = 0; i + 5 <= secret.length(); i++) {
                        assertThat(shown).doesNotContain(secret.substring(i, i + 5));
                    }
                });
    }

    @Test
    void hidesWhatIsNotAKeyWhole() {
        for (String notAKey : new String[] {
            "sk_live_short", "sk_live_" + "x".repeat(200), "Bearer sk_live_AbCdEfGhIjKlMnOpQr", "my-password-123"
        }) {
            String shown = new ExportCredentials(Optional.of(notAKey), TEAM, "127.0.0.1").toString();
            assertThat(shown).doesNotContain(notAKey).doesNotContain(notAKey.substring(0, 5));
        }
    }

    @Test
    void saysWhenNoKeyWasPresented() {
        assertThat(new ExportCredentials(Optional.empty(), TEAM, "127.0.0.1").toString())
                .isEqualTo("ExportCredentials[presentedKey=none, teamId=" + TEAM + ", clientAddress=127.0.0.1]");
    }
}
