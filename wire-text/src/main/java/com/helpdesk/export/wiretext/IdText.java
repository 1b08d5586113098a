package com.helpdesk.export.wiretext;

import java.util.UUID;

/** A public id ({@code tkt_} and 32 lower-case hex digits, as {@code PublicId.format} gives it) written into a buffer. */
public final class IdText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private IdText() {}

    /**
     * Writes {@code prefix} and the 32 lower-case hex digits of {@code id} into {@code out} at {@code at}.
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
}
