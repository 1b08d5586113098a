package com.helpdesk.export.persistence.jdbc;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyHashingTest {

    @Test
    void hashesWithSha256OverUtf8() {
        assertThat(HexFormat.of().formatHex(KeyHashing.sha256("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(KeyHashing.sha256("sk_live_AbCdEfGhIjKlMnOpQrSt")).hasSize(32);
    }

    @Test
    void theDisplayPrefixIsTheFirstTwelveCharacters() {
        assertThat(KeyHashing.displayPrefix("sk_live_AbCdEfGhIjKlMnOpQrSt")).isEqualTo("sk_live_AbCd");
        assertThatThrownBy(() -> KeyHashing.displayPrefix("sk_live_")).isInstanceOf(IllegalArgumentException.class);
    }
}
