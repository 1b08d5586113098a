package com.helpdesk.export.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * How a key is kept and looked up: the SHA-256 of the whole key (prefix included, UTF-8). Keys are long random
 * secrets, so a plain, unsalted hash is enough and lets the hash be found through a unique index. Keys are stored
 * and compared only as this hash; {@link #toString()} never shows it.
 */
public final class KeyHash {

    /** Bytes of a SHA-256 digest. */
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private KeyHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static KeyHash of(ApiKey key) {
        Objects.requireNonNull(key, "key");
        try {
            return new KeyHash(
                    MessageDigest.getInstance("SHA-256").digest(key.reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** A copy of the 32 bytes, to store or to look up. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyHash other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "KeyHash[SHA-256, not shown]";
    }
}
