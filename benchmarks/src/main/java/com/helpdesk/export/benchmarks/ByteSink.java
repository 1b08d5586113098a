package com.helpdesk.export.benchmarks;

import com.helpdesk.export.domain.port.Spool;
import java.io.OutputStream;

/**
 * An output that keeps nothing and counts the bytes written to it; as a {@link Spool}, where a serializer writes a
 * document whose bytes a measurement does not need (nothing can be copied out of it).
 */
final class ByteSink extends OutputStream implements Spool {

    long bytes;

    @Override
    public void write(int b) {
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes += len;
    }

    @Override
    public OutputStream output() {
        return this;
    }

    @Override
    public long size() {
        return bytes;
    }

    @Override
    public void copyTo(long from, long to, OutputStream out) {
        throw new UnsupportedOperationException("a sink keeps nothing to copy");
    }

    @Override
    public void close() {
        // nothing is held
    }
}
