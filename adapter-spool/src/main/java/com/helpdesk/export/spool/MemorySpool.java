package com.helpdesk.export.spool;

import com.helpdesk.export.domain.port.Spool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A spool held in memory only, unbounded: for what writes documents where a disk is not wanted or the size is known
 * to be small (tests of the serializers, measuring harnesses). What is written can also pass through a {@code tap}
 * as it is written, to watch a serializer write.
 */
public final class MemorySpool implements Spool {

    private final Bytes bytes = new Bytes();
    private final OutputStream tap;
    private final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            bytes.write(b);
            tap.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureOpen();
            bytes.write(b, off, len);
            tap.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            tap.flush();
        }
    };
    private boolean closed;

    public MemorySpool() {
        this(OutputStream.nullOutputStream());
    }

    /** A spool whose bytes also go to {@code tap} as they are written (it is flushed, never closed). */
    public MemorySpool(OutputStream tap) {
        this.tap = Objects.requireNonNull(tap, "tap");
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public long size() {
        return bytes.size();
    }

    @Override
    public void copyTo(long from, long to, OutputStream out) throws IOException {
        ensureOpen();
        if (from < 0 || to < from || to > bytes.size()) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + bytes.size() + " bytes");
        }
        out.write(bytes.array(), (int) from, (int) (to - from));
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the spool is closed");
        }
    }

    /** A byte array output stream whose array is read in place. */
    private static final class Bytes extends ByteArrayOutputStream {
        byte[] array() {
            return buf;
        }
    }
}
