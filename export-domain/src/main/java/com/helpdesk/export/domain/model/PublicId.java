package com.helpdesk.export.domain.model;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Public ids: a prefix and the row's UUID as 32 lower-case hex digits ({@code tkt_0f3c…}). */
public final class PublicId {

    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PublicId() {
    }

    public static String format(String prefix, UUID id) {
        char[] out = new char[prefix.length() + 32];
        write(prefix, id, out, 0);
        return new String(out);
    }

    /**
     * Writes the public id ({@code prefix} and 32 lower-case hex digits) into {@code out} at {@code at}, for a
     * serializer that reuses one buffer instead of making a string per id.
     *
     * @return the position after the id
     * @throws IndexOutOfBoundsException when {@code out} has fewer than {@code prefix.length() + 32} chars left
     */
    public static int write(String prefix, UUID id, char[] out, int at) {
        prefix.getChars(0, prefix.length(), out, at);
        int end = hex(id.getMostSignificantBits(), out, at + prefix.length());
        return hex(id.getLeastSignificantBits(), out, end);
    }

    private static int hex(long bits, char[] out, int at) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            out[at++] = HEX[(int) (bits >>> shift) & 0xF];
        }
        return at;
    }

    /** Accepts {@code <prefix><32 hex>} or a canonical UUID (any case); anything else is empty. */
    public static Optional<UUID> parse(String prefix, String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.startsWith(prefix)) {
            String hex = text.substring(prefix.length());
            if (!HEX32.matcher(hex).matches()) {
                return Optional.empty();
            }
            return Optional.of(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                    Long.parseUnsignedLong(hex.substring(16), 16)));
        }
        if (UUID_TEXT.matcher(text).matches()) {
            return Optional.of(UUID.fromString(text));
        }
        return Optional.empty();
    }
}
