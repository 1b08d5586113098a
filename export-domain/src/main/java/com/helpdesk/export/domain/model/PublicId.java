package com.helpdesk.export.domain.model;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Public ids: a prefix and the row's UUID as 32 lower-case hex digits ({@code tkt_0f3c…}). */
public final class PublicId {

    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PublicId() {}

    public static String format(String prefix, UUID id) {
        return prefix + hex16(id.getMostSignificantBits()) + hex16(id.getLeastSignificantBits());
    }

    private static String hex16(long bits) {
        String hex = Long.toHexString(bits);
        return "0".repeat(16 - hex.length()) + hex;
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
            return Optional.of(new UUID(
                    Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16)));
        }
        if (UUID_TEXT.matcher(text).matches()) {
            return Optional.of(UUID.fromString(text));
        }
        return Optional.empty();
    }
}
