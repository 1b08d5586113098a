package com.helpdesk.export.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket, so that measuring costs the machine as little CPU as psql
 * does on the other side: it sends a POST, reads the status and headers, and reads the body (chunked or with a
 * length) into a reused buffer, counting its bytes and keeping none of them unless asked. A body that does not end
 * properly (no final chunk, connection reset) is reported as incomplete, never as a success.
 */
final class MiniHttp implements Closeable {

    /** One exchange: status, headers (lower-case names), body bytes as sent on the wire, timings. */
    record Response(
            int status,
            Map<String, String> headers,
            long bodyBytes,
            boolean complete,
            long firstByteNanos,
            long totalNanos,
            byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    MiniHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** POSTs {@code body}; keeps the body's bytes only when {@code keepBody}. */
    Response post(String path, Map<String, String> headers, byte[] body, boolean keepBody) throws IOException {
        long start = System.nanoTime();
        try {
            return exchange(path, headers, body, keepBody, start);
        } catch (IOException first) {
            // a kept-alive connection the server closed meanwhile: one retry on a fresh socket, only if
            // nothing of the answer was read
            if (position != 0 || limit != 0 || socket == null) {
                close();
                throw first;
            }
            close();
            return exchange(path, headers, body, keepBody, System.nanoTime());
        }
    }

    private Response exchange(String path, Map<String, String> headers, byte[] body, boolean keepBody, long start)
            throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(120_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }
        position = 0;
        limit = 0;
        StringBuilder request = new StringBuilder(256);
        request.append("POST ").append(path).append(" HTTP/1.1\r\n");
        request.append("Host: ").append(host).append(':').append(port).append("\r\n");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            request.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();

        String statusLine = readLine();
        long firstByte = System.nanoTime() - start;
        if (!statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            responseHeaders.put(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream kept = keepBody ? new ByteArrayOutputStream(1 << 20) : null;
        long bytes = 0;
        boolean complete;
        try {
            if ("chunked".equalsIgnoreCase(responseHeaders.get("transfer-encoding"))) {
                while (true) {
                    String sizeLine = readLine();
                    int semicolon = sizeLine.indexOf(';');
                    long size =
                            Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                    if (size == 0) {
                        for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                            // trailers are not used
                        }
                        break;
                    }
                    skip(size, kept);
                    bytes += size;
                    if (!readLine().isEmpty()) {
                        throw new IOException("chunk not followed by CRLF");
                    }
                }
            } else if (responseHeaders.containsKey("content-length")) {
                long length = Long.parseLong(responseHeaders.get("content-length"));
                skip(length, kept);
                bytes = length;
            } else {
                throw new IOException("answer without length and not chunked");
            }
            complete = true;
        } catch (IOException | NumberFormatException e) {
            complete = false;
            close();
        }
        if ("close".equalsIgnoreCase(responseHeaders.get("connection"))) {
            close();
        }
        long total = System.nanoTime() - start;
        return new Response(
                status, responseHeaders, bytes, complete, firstByte, total, kept == null ? null : kept.toByteArray());
    }

    private int fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            throw new EOFException("connection closed");
        }
        position = 0;
        limit = n;
        return n;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (position == limit) {
                fill();
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xFF));
            if (line.length() > 16 * 1024) {
                throw new IOException("line too long");
            }
        }
    }

    private void skip(long count, ByteArrayOutputStream kept) throws IOException {
        long left = count;
        while (left > 0) {
            if (position == limit) {
                fill();
            }
            int n = (int) Math.min(left, limit - position);
            if (kept != null) {
                kept.write(buffer, position, n);
            }
            position += n;
            left -= n;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
        position = 0;
        limit = 0;
    }
}
