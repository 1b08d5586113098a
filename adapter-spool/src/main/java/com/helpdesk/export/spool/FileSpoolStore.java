package com.helpdesk.export.spool;

import com.helpdesk.export.domain.port.Spool;
import com.helpdesk.export.domain.port.SpoolStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The {@link SpoolStore} of one service instance: each spool keeps its first {@code memoryBytes} in memory and moves
 * to a temporary file when it grows past them. The files of all spools together may take at most
 * {@code maxDiskBytes}; a spool that would pass that fails with
 * {@link com.helpdesk.export.domain.port.SpoolFullException}.
 *
 * <p>Files live in a folder of this instance under {@code root} ({@code root/<random id>/}), marked as in use by a
 * lock on its {@code .lock} file held as long as the store is open. Several instances may share one root: at start
 * each deletes the folders whose lock nobody holds (left by an instance that died, {@code kill -9} included), never
 * another live instance's. A spool's file is deleted when the spool is closed; {@link #close()} deletes the folder.
 */
public final class FileSpoolStore implements SpoolStore, AutoCloseable {

    static final String LOCK_FILE = ".lock";
    /** Disk is taken from the bound in steps of this many bytes, so that the shared counter is not hit per write. */
    static final int RESERVATION_STEP = 1 << 20;

    private final Path directory;
    private final int memoryBytes;
    private final long maxDiskBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    private volatile boolean closed;

    private FileSpoolStore(Path directory, int memoryBytes, long maxDiskBytes, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.memoryBytes = memoryBytes;
        this.maxDiskBytes = maxDiskBytes;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens this instance's store under {@code root} (created if missing), after deleting what dead instances left
     * there.
     *
     * @param memoryBytes  bytes a spool holds in memory before it moves to a file (0: always a file)
     * @param maxDiskBytes bytes all spool files of this store may take together
     */
    public static FileSpoolStore open(Path root, int memoryBytes, long maxDiskBytes) {
        Objects.requireNonNull(root, "root");
        if (memoryBytes < 0 || maxDiskBytes < 0) {
            throw new IllegalArgumentException("memoryBytes and maxDiskBytes must not be negative");
        }
        try {
            Files.createDirectories(root);
            removeLeftovers(root);
            Path directory =
                    Files.createDirectory(root.resolve(UUID.randomUUID().toString()));
            FileChannel channel = FileChannel.open(
                    directory.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return new FileSpoolStore(directory, memoryBytes, maxDiskBytes, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("The spool folder " + root + " cannot be used", e);
        }
    }

    /** Deletes every folder under {@code root} whose lock no live process holds. */
    static int removeLeftovers(Path root) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && !inUse(entry)) {
                    deleteTree(entry);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean inUse(Path folder) throws IOException {
        Path lockFile = folder.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM: another store that is open
        }
    }

    @Override
    public Spool create() {
        if (closed) {
            throw new IllegalStateException("the spool store is closed");
        }
        return new FileSpool(this, memoryBytes);
    }

    /** Where this store's files are. */
    public Path directory() {
        return directory;
    }

    /** Bytes of disk the open spools hold now (in steps of {@value #RESERVATION_STEP}). */
    public long diskInUse() {
        return reserved.get();
    }

    Path newFile() {
        return directory.resolve("spool-" + files.incrementAndGet() + ".tmp");
    }

    /** Takes {@code bytes} of disk from the bound, if it has room for them. */
    boolean reserve(long bytes) {
        long now;
        do {
            now = reserved.get();
            if (now + bytes > maxDiskBytes) {
                return false;
            }
        } while (!reserved.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    long maxDiskBytes() {
        return maxDiskBytes;
    }

    /** Deletes this instance's folder and what is left in it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
            lockChannel.close();
            deleteTree(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("The spool folder " + directory + " was not removed", e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
