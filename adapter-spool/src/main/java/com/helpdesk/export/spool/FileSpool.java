package com.helpdesk.export.spool;

import com.helpdesk.export.domain.error.SpoolFullException;
import com.helpdesk.export.domain.port.Spool;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;

/**
 * One spool of a {@link FileSpoolStore}: bytes in a growing array up to the store's memory bound; past it, all of
 * them in a temporary file (its owner's alone, {@code rw-------} from its creation), written through a fixed buffer,
 * with disk taken from the store's bound ahead of each step. Memory is then the buffer alone, whatever the spool's
 * size.
 */
final class FileSpool implements Spool {

    static final int BUFFER_BYTES = 64 * 1024;
    private static final int INITIAL_MEMORY = 8 * 1024;

    private final FileSpoolStore store;
    private final int memoryBytes;
    private final OutputStream output = new Output();
    private byte[] memory = new byte[0];
    private long size;
    private Path path;
    private FileChannel file;
    private ByteBuffer pending;
    private long reserved;
    private boolean closed;

    FileSpool(FileSpoolStore store, int memoryBytes) {
        this.store = store;
        this.memoryBytes = memoryBytes;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void copyTo(long from, long to, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (from < 0 || to < from || to > size) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + size + " bytes");
        }
        ensureOpen();
        if (file == null) {
            out.write(memory, (int) from, (int) (to - from));
            return;
        }
        flushPending();
        byte[] chunk = new byte[(int) Math.min(BUFFER_BYTES, Math.max(1, to - from))];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        long at = from;
        while (at < to) {
            buffer.clear().limit((int) Math.min(chunk.length, to - at));
            int read = file.read(buffer, at);
            if (read < 0) {
                throw new IOException("the spool file ended at byte " + at + " of " + to);
            }
            out.write(chunk, 0, read);
            at += read;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        memory = null;
        pending = null;
        try {
            if (file != null) {
                file.close();
            }
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A spool file was not removed: " + path, e);
        } finally {
            store.release(reserved);
            reserved = 0;
        }
    }

    private void append(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        if (length == 0) {
            return;
        }
        if (file == null && size + length <= memoryBytes) {
            int needed = (int) size + length;
            if (needed > memory.length) {
                memory = Arrays.copyOf(
                        memory, Math.min(memoryBytes, Math.max(needed, Math.max(INITIAL_MEMORY, memory.length * 2))));
            }
            System.arraycopy(bytes, offset, memory, (int) size, length);
            size += length;
            return;
        }
        if (file == null) {
            spill();
        }
        reserveFor(size + length);
        int at = offset;
        int left = length;
        while (left > 0) {
            int step = Math.min(left, pending.remaining());
            pending.put(bytes, at, step);
            at += step;
            left -= step;
            if (!pending.hasRemaining()) {
                flushPending();
            }
        }
        size += length;
    }

    /** Moves what is in memory to a new file; from now on everything goes to the file. */
    private void spill() throws IOException {
        reserveFor(size);
        path = store.newFile();
        file = FileChannel.open(
                path,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE),
                FileSpoolStore.FILE);
        pending = ByteBuffer.allocate(BUFFER_BYTES);
        ByteBuffer held = ByteBuffer.wrap(memory, 0, (int) size);
        while (held.hasRemaining()) {
            file.write(held);
        }
        memory = null;
    }

    /** Takes disk from the store's bound so that {@code bytes} fit; refuses when the bound has no room. */
    private void reserveFor(long bytes) throws SpoolFullException {
        if (bytes <= reserved) {
            return;
        }
        long step = FileSpoolStore.RESERVATION_STEP;
        long more = ((bytes - reserved + step - 1) / step) * step;
        if (!store.reserve(more)) {
            throw new SpoolFullException("the spool store's " + store.maxDiskBytes() + " bytes of disk are in use");
        }
        reserved += more;
    }

    private void flushPending() throws IOException {
        if (pending == null || pending.position() == 0) {
            return;
        }
        pending.flip();
        while (pending.hasRemaining()) {
            file.write(pending);
        }
        pending.clear();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the spool is closed");
        }
    }

    /** The spool's output: appends; flush and close do nothing (the spool is closed by its owner). */
    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            append(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            append(b, off, len);
        }
    }
}
