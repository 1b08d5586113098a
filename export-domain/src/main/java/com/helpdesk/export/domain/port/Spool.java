package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.error.SpoolFullException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Bytes of one export, held between reading them from the database and sending them: in memory up to a bound, then
 * in a temporary file. Written once, front to back, then read any number of times by range. Not thread-safe: one
 * export writes it, then one sender reads it. Closing it deletes what it holds.
 */
public interface Spool extends AutoCloseable {

    /**
     * Where the bytes are appended. Its {@code write} throws {@link SpoolFullException} when the store holds no
     * room for more.
     */
    OutputStream output();

    /** Bytes written so far (after flushing whatever writes into {@link #output()}). */
    long size();

    /** Copies the bytes from {@code from} (inclusive) to {@code to} (exclusive) to {@code out}. */
    void copyTo(long from, long to, OutputStream out) throws IOException;

    /** Deletes what the spool holds and gives back its room. Idempotent. */
    @Override
    void close();
}
