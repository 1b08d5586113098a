package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A key as a caller presented it: {@code sk_live_}, {@code sk_test_}, {@code pk_live_} or {@code pk_test_} and a
 * secret. It is a secret itself: {@link #toString()} shows only its display prefix, never the whole key.
 */
public final class ApiKey {

    /** Characters of the key shown in lists and logs: the kind/mode prefix and the first four of the secret. */
    public static final int DISPLAY_PREFIX_LENGTH = 12;

    /** Letters and digits after {@code sk_live_} and the like in a key made by {@link #generate}: about 190 bits. */
    public static final int GENERATED_SECRET_LENGTH = 32;

    /** What {@link #redact} shows for a text that is not a key: nothing of it. */
    public static final String HIDDEN = "[hidden]";

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern FORMAT = Pattern.compile("(sk|pk)_(live|test)_[A-Za-z0-9]{16,128}");

    private final String value;
    private final KeyKind kind;
    private final Mode mode;

    private ApiKey(String value, KeyKind kind, Mode mode) {
        this.value = value;
        this.kind = kind;
        this.mode = mode;
    }

    /** Checks the format only; whether the key exists is the {@code KeyVerifier}'s answer. */
    public static ApiKey parse(String presented) {
        Objects.requireNonNull(presented, "presented");
        if (!FORMAT.matcher(presented).matches()) {
            throw new ExportException(
                    ErrorCode.INVALID_KEY_FORMAT,
                    "API keys start with sk_live_, sk_test_, "
                            + "pk_live_ or pk_test_ followed by 16 to 128 letters and digits.");
        }
        KeyKind kind = presented.startsWith("sk_") ? KeyKind.SECRET : KeyKind.PUBLISHABLE;
        Mode mode = presented.startsWith("live_", 3) ? Mode.LIVE : Mode.TEST;
        return new ApiKey(presented, kind, mode);
    }

    /**
     * A key as someone presented it, to be shown in logs and messages: what {@link #toString()} shows of a key (its
     * display prefix) when it has a key's format, else {@value #HIDDEN}, since a text that is not a key may be a key
     * mistyped or another secret. Never more.
     */
    public static String redact(String presented) {
        Objects.requireNonNull(presented, "presented");
        return FORMAT.matcher(presented).matches() ? parse(presented).toString() : HIDDEN;
    }

    /**
     * A new key of that kind and mode: its prefix ({@code sk_live_}, ...) and {@value #GENERATED_SECRET_LENGTH}
     * letters and digits drawn from {@code random}, which should be a {@code java.security.SecureRandom} for any key
     * that is handed out. The result is what {@link #parse} accepts.
     */
    public static ApiKey generate(KeyKind kind, Mode mode, RandomGenerator random) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(random, "random");
        StringBuilder key = new StringBuilder(kind.prefix())
                .append('_')
                .append(mode.wireName())
                .append('_');
        for (int i = 0; i < GENERATED_SECRET_LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return parse(key.toString());
    }

    /** The whole key: only for hashing it, and for showing a new key once. */
    public String reveal() {
        return value;
    }

    public KeyKind kind() {
        return kind;
    }

    public Mode mode() {
        return mode;
    }

    /** The part of the key that may be shown and stored in the clear, e.g. {@code sk_live_AbCd}: never more. */
    public String displayPrefix() {
        return value.substring(0, DISPLAY_PREFIX_LENGTH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return displayPrefix() + "…";
    }
}
