package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The key rules written once: wire names, status at a time, display prefix, generation and hashing. */
class KeyRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T14:30:00Z");

    @Test
    void kindsAndModesHaveOneWireNameEach() {
        assertThat(KeyKind.SECRET.wireName()).isEqualTo("secret");
        assertThat(KeyKind.PUBLISHABLE.wireName()).isEqualTo("publishable");
        assertThat(KeyKind.SECRET.prefix()).isEqualTo("sk");
        assertThat(KeyKind.PUBLISHABLE.prefix()).isEqualTo("pk");
        for (KeyKind kind : KeyKind.values()) {
            assertThat(KeyKind.fromWireName(kind.wireName())).contains(kind);
        }
        for (Mode mode : Mode.values()) {
            assertThat(Mode.fromWireName(mode.wireName())).contains(mode);
        }
        assertThat(KeyKind.fromWireName("Secret")).isEmpty();
        assertThat(KeyKind.fromWireName("sk")).isEmpty();
        assertThat(KeyKind.fromWireName(null)).isEmpty();
        assertThat(Mode.fromWireName("prod")).isEmpty();
        assertThat(Mode.fromWireName(" live")).isEmpty();
    }

    @Test
    void revokedComesBeforeExpiredAndAKeyExpiresAtItsExpiryInstant() {
        Optional<Instant> none = Optional.empty();
        assertThat(KeyStatus.at(NOW, none, none)).isEqualTo(KeyStatus.ACTIVE);
        assertThat(KeyStatus.at(NOW, Optional.of(NOW.plusNanos(1000)), none)).isEqualTo(KeyStatus.ACTIVE);
        assertThat(KeyStatus.at(NOW, Optional.of(NOW), none)).isEqualTo(KeyStatus.EXPIRED);
        assertThat(KeyStatus.at(NOW, Optional.of(NOW.minusSeconds(1)), none)).isEqualTo(KeyStatus.EXPIRED);
        assertThat(KeyStatus.at(NOW, none, Optional.of(NOW.plusSeconds(60)))).isEqualTo(KeyStatus.REVOKED);
        assertThat(KeyStatus.at(NOW, Optional.of(NOW.minusSeconds(1)), Optional.of(NOW.minusSeconds(9))))
                .isEqualTo(KeyStatus.REVOKED);
        assertThat(KeyStatus.ACTIVE.wireName()).isEqualTo("active");
        assertThat(KeyStatus.EXPIRED.wireName()).isEqualTo("expired");
        assertThat(KeyStatus.REVOKED.wireName()).isEqualTo("revoked");
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void aGeneratedKeyHasItsKindAndModeAndIsWhatTheParserAccepts(KeyKind kind) {
        for (Mode mode : Mode.values()) {
            ApiKey key = ApiKey.generate(kind, mode, new SecureRandom());
            assertThat(key.kind()).isEqualTo(kind);
            assertThat(key.mode()).isEqualTo(mode);
            assertThat(key.reveal())
                    .startsWith(kind.prefix() + "_" + mode.wireName() + "_")
                    .hasSize(kind.prefix().length() + mode.wireName().length() + 2 + ApiKey.GENERATED_SECRET_LENGTH)
                    .matches("(sk|pk)_(live|test)_[A-Za-z0-9]{32}");
            assertThat(ApiKey.parse(key.reveal())).isEqualTo(key);
        }
    }

    @Test
    void generatedKeysDifferAndDrawOnTheWholeAlphabet() {
        Set<String> keys = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            String key = ApiKey.generate(KeyKind.SECRET, Mode.LIVE, random).reveal();
            keys.add(key);
            key.substring(8).chars().forEach(c -> seen.add((char) c));
        }
        assertThat(keys).hasSize(2_000);
        assertThat(seen).hasSize(62);
    }

    @Test
    void theDisplayPrefixIsTheKindTheModeAndFourCharactersNeverTheWholeKey() {
        ApiKey key = ApiKey.parse("sk_live_AbCdEfGhIjKlMnOpQrSt");
        assertThat(key.displayPrefix()).isEqualTo("sk_live_AbCd").hasSize(ApiKey.DISPLAY_PREFIX_LENGTH);
        assertThat(key.toString()).doesNotContain("EfGh");
    }

    @Test
    void theHashIsTheSha256OfTheWholeKeyInUtf8AndIsNeverShown() {
        ApiKey key = ApiKey.parse("sk_live_AbCdEfGhIjKlMnOpQrSt");
        KeyHash hash = KeyHash.of(key);
        // sha256("sk_live_AbCdEfGhIjKlMnOpQrSt")
        assertThat(HexFormat.of().formatHex(hash.bytes()))
                .isEqualTo(HexFormat.of().formatHex(sha256("sk_live_AbCdEfGhIjKlMnOpQrSt")));
        assertThat(hash.bytes()).hasSize(KeyHash.LENGTH);
        assertThat(hash)
                .isEqualTo(KeyHash.of(ApiKey.parse("sk_live_AbCdEfGhIjKlMnOpQrSt")))
                .isNotEqualTo(KeyHash.of(ApiKey.parse("sk_live_AbCdEfGhIjKlMnOpQrSu")));
        assertThat(hash.toString())
                .doesNotContain(HexFormat.of().formatHex(hash.bytes()).substring(0, 8));
        byte[] copy = hash.bytes();
        copy[0]++;
        assertThat(hash.bytes()[0]).isNotEqualTo(copy[0]);
    }

    @Test
    void sha256IsTheKnownDigest() {
        assertThat(HexFormat.of().formatHex(sha256("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
