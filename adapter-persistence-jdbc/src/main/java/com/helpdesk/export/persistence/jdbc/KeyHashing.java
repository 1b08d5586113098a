package com.helpdesk.export.persistence.jdbc;

import com.helpdesk.export.domain.model.ApiKey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * How keys are stored: the SHA-256 of the whole key (prefix included, UTF-8), plus its first
 * {@value ApiKey#DISPLAY_PREFIX_LENGTH} characters for display. Keys are long random secrets, so a plain,
 * unsalted hash is enough and lets the hash be looked up through a unique index.
 */
public final class KeyHashing {

    private KeyHashing() {
    }

    /** The 32-byte SHA-256 digest of {@code key} in UTF-8. */
    public static byte[] sha256(String key) {
        Objects.requireNonNull(key, "key");
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The part of a key that may be shown and stored in the clear, e.g. {@code sk_live_AbCd}. */
    public static String displayPrefix(String key) {
        Objects.requireNonNull(key, "key");
        if (key.length() < ApiKey.DISPLAY_PREFIX_LENGTH) {
            throw new IllegalArgumentException("a key is longer than its display prefix");
        }
        return key.substring(0, ApiKey.DISPLAY_PREFIX_LENGTH);
    }
}
