package com.helpdesk.export.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reading an HTTP response byte by byte off a raw socket, for tests that must see how a transfer ends. */
final class RawResponse {

    private RawResponse() {}

    /** The status line and headers, up to and including the blank line (ISO-8859-1). */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** How a transfer ended: bytes read, whether the chunked terminator came last, whether the connection was reset. */
    record Ending(long bytes, boolean terminated, boolean reset) {}

    /** Reads to the end of the stream (or to a reset) and reports how the transfer ended. */
    static Ending drain(InputStream in) {
        byte[] tail = new byte[5];
        long total = 0;
        byte[] buffer = new byte[65536];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = Math.max(0, n - 5); i < n; i++) {
                    System.arraycopy(tail, 1, tail, 0, 4);
                    tail[4] = buffer[i];
                }
                total += n;
            }
        } catch (IOException e) {
            return new Ending(total, false, true);
        }
        return new Ending(total, new String(tail, StandardCharsets.US_ASCII).equals("0\r\n\r\n"), false);
    }
}
