package com.helpdesk.export.benchmarks;

import java.io.OutputStream;

/** An output that keeps nothing and counts the bytes written to it. */
final class ByteSink extends OutputStream {

    long bytes;

    @Override
    public void write(int b) {
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes += len;
    }
}
