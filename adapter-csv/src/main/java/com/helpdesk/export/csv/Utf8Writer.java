package com.helpdesk.export.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Encodes the characters univocity writes as UTF-8 into a byte buffer that goes to the output whenever it fills.
 * It gives the bytes an {@code OutputStreamWriter} for UTF-8 gives (a surrogate without its pair becomes {@code ?},
 * a pair split across two writes is still one character), at a fraction of the cost: the JDK's encoder leaves its
 * fast path for good at the first non-ASCII character of a buffer, and wraps every write in a new
 * {@code CharBuffer} (measured in docs/performance.md).
 *
 * <p>{@link #flush()} hands the buffered bytes to the output and flushes it; {@link #close()} does the same and
 * never closes the output, which belongs to the caller (univocity closes its writer when a write fails, and
 * closing an HTTP response stream would end the response as if it were complete). Not thread-safe.
 */
final class Utf8Writer extends Writer {

    private static final byte REPLACEMENT = '?';

    private final OutputStream out;
    private final byte[] buffer;
    private int position;
    /** A high surrogate at the end of the last write, waiting for its low half; 0 when none. */
    private char pendingHigh;

    Utf8Writer(OutputStream out, int bufferBytes) {
        if (bufferBytes < 8) {
            throw new IllegalArgumentException("buffer too small: " + bufferBytes);
        }
        this.out = out;
        this.buffer = new byte[bufferBytes];
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int end = offset + length;
        int i = offset;
        byte[] bytes = buffer;
        int at = position;
        int limit = bytes.length - 4;
        if (pendingHigh != 0 && i < end) {
            i = afterPendingHigh(chars[i], i);
            at = position;
        }
        while (i < end) {
            if (at > limit) {
                position = at;
                drain();
                at = 0;
            }
            char c = chars[i++];
            if (c < 0x80) {
                bytes[at++] = (byte) c;
            } else if (c < 0x800) {
                bytes[at++] = (byte) (0xC0 | c >> 6);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                if (i == end) {
                    pendingHigh = c;
                } else if (Character.isLowSurrogate(chars[i])) {
                    at = codePoint(Character.toCodePoint(c, chars[i++]), bytes, at);
                } else {
                    bytes[at++] = REPLACEMENT;
                }
            } else if (Character.isLowSurrogate(c)) {
                bytes[at++] = REPLACEMENT;
            } else {
                bytes[at++] = (byte) (0xE0 | c >> 12);
                bytes[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        position = at;
    }

    /** Completes or replaces the pending high surrogate with {@code next}; answers where to go on reading. */
    private int afterPendingHigh(char next, int index) throws IOException {
        char high = pendingHigh;
        pendingHigh = 0;
        if (!Character.isLowSurrogate(next)) {
            replacement();
            return index;
        }
        makeRoom();
        position = codePoint(Character.toCodePoint(high, next), buffer, position);
        return index + 1;
    }

    /** Writes {@code ?} for a surrogate without its pair. */
    private void replacement() throws IOException {
        makeRoom();
        buffer[position++] = REPLACEMENT;
    }

    /** Drains the buffer when fewer than four bytes (the longest character) are left in it. */
    private void makeRoom() throws IOException {
        if (position > buffer.length - 4) {
            drain();
        }
    }

    private static int codePoint(int codePoint, byte[] bytes, int at) {
        bytes[at] = (byte) (0xF0 | codePoint >> 18);
        bytes[at + 1] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        bytes[at + 2] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        bytes[at + 3] = (byte) (0x80 | codePoint & 0x3F);
        return at + 4;
    }

    @Override
    public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        char[] chars = new char[length];
        text.getChars(offset, offset + length, chars, 0);
        write(chars, 0, length);
    }

    private void drain() throws IOException {
        if (position > 0) {
            out.write(buffer, 0, position);
            position = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Ends the text: a high surrogate still waiting for its pair becomes {@code ?}; then {@link #flush()}. */
    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            replacement();
        }
        flush();
    }
}
