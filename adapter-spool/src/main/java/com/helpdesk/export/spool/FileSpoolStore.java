package com.helpdesk.export.spool;

import com.helpdesk.export.domain.port.Spool;
import com.helpdesk.export.domain.port.SpoolStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The {@link SpoolStore} of one service instance: each spool keeps its first {@code memoryBytes} in memory and moves
 * to a temporary file when it grows past them. The files of all spools together may take at most
 * {@code maxDiskBytes}; a spool that would pass that fails with
 * {@link com.helpdesk.export.domain.error.SpoolFullException}.
 *
 * <p>Files live in a folder of this instance under {@code root} ({@code root/<random id>/}), marked as in use by a
 * lock on its {@code .lock} file held as long as the store is open. Several instances may share one root: at start
 * each deletes the folders whose lock nobody holds (left by an instance that died, {@code kill -9} included), never
 * another live instance's. A spool's file is deleted when the spool is closed; {@link #close()} deletes the folder.
 *
 * <p>The spool holds exported data, so only the user the service runs as may read it: the root, every folder the store
 * makes ({@code rwx------}) and every file ({@code rw-------}) are created with those permissions, never loosened
 * later. Before it uses or deletes anything under the root, {@link #open} refuses (an {@link IllegalStateException}
 * naming the folder and what is wrong, so that the service stops at start) a root that is a symbolic link, that is not
 * a folder, that belongs to another user, or that others may write into (they may have planted files or links in it);
 * the fix is in the message. A root that is this user's own and that others may only read or enter, such as the
 * {@code rwxr-xr-x} folder an older version left under the temporary folder, is tightened to {@code rwx------}: its
 * owner is this user, nobody else could have written into it, and what others could read is gone once the leftovers
 * are deleted. The permissions need a POSIX file system (Linux is the target); on another the store refuses to open.
 */
public final class FileSpoolStore implements SpoolStore, AutoCloseable {

    static final String LOCK_FILE = ".lock";
    /** The root and every folder of the spool: its owner's alone. */
    static final Set<PosixFilePermission> FOLDER_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
    /** Every file of the spool: its owner's alone. */
    static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    static final FileAttribute<Set<PosixFilePermission>> FOLDER =
            PosixFilePermissions.asFileAttribute(FOLDER_PERMISSIONS);
    static final FileAttribute<Set<PosixFilePermission>> FILE = PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS);

    private static final Set<PosixFilePermission> OTHERS_WRITE =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

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
        if (!root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            throw new IllegalStateException("The spool folder " + root + " is on a file system without POSIX "
                    + "permissions, so its files could not be kept from other users; choose a folder on a POSIX file "
                    + "system (export.spool.directory)");
        }
        try {
            checkRoot(root);
            removeLeftovers(root);
            Path directory =
                    Files.createDirectory(root.resolve(UUID.randomUUID().toString()), FOLDER);
            FileChannel channel = FileChannel.open(
                    directory.resolve(LOCK_FILE),
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    FILE);
            FileLock lock = channel.lock();
            return new FileSpoolStore(directory, memoryBytes, maxDiskBytes, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("The spool folder " + root + " cannot be used", e);
        }
    }

    /**
     * Makes {@code root} if it is missing ({@code rwx------}, and so any parent it makes), then refuses it unless it is
     * a folder of this user that others may not write into, and tightens it to {@code rwx------} if others may read or
     * enter it.
     */
    private static void checkRoot(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectories(root, FOLDER);
            } catch (FileAlreadyExistsException e) {
                // made by someone else in the meantime: checked below like any root that was there
            }
        }
        PosixFileAttributes attributes =
                Files.readAttributes(root, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw refused(
                    root,
                    "is a symbolic link (to " + Files.readSymbolicLink(root) + "); set "
                            + "export.spool.directory to the real folder, or remove the link");
        }
        if (!attributes.isDirectory()) {
            throw refused(root, "is not a folder; set export.spool.directory to a folder, or remove what is there");
        }
        UserPrincipal owner = attributes.owner();
        UserPrincipal self = currentUser(root);
        if (!owner.equals(self)) {
            throw refused(
                    root,
                    "belongs to " + owner.getName() + ", not to " + self.getName() + ", the user this "
                            + "service runs as: another user may read or plant files in it; remove it, or set "
                            + "export.spool.directory to a folder of " + self.getName());
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.stream().anyMatch(OTHERS_WRITE::contains)) {
            throw refused(
                    root,
                    "lets other users write into it (" + PosixFilePermissions.toString(permissions)
                            + "): they may have planted files or links in it; check what it holds, then chmod 700 "
                            + "it, or remove it and let the service make it anew");
        }
        if (!FOLDER_PERMISSIONS.containsAll(permissions)) {
            // this user's own, others could read or enter only (as an older version made it): shut them out
            Files.setPosixFilePermissions(root, FOLDER_PERMISSIONS);
            if (!Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS).equals(FOLDER_PERMISSIONS)) {
                throw refused(
                        root,
                        "keeps other users' access (" + PosixFilePermissions.toString(permissions)
                                + ") after chmod 700: its file system does not keep POSIX permissions; choose "
                                + "another folder");
            }
        }
    }

    /** The user this process runs as: the owner of a file it makes (no name lookup, which fails for some uids). */
    private static UserPrincipal currentUser(Path root) throws IOException {
        Path probe = Files.createTempFile(root, ".owner-", ".probe", FILE);
        try {
            return Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static IllegalStateException refused(Path root, String reason) {
        return new IllegalStateException("The spool folder " + root + " " + reason);
    }

    /** Deletes every folder under {@code root} whose lock no live process holds. */
    static int removeLeftovers(Path root) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                // a link is no instance's folder: never followed, never deleted through
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && !inUse(entry)) {
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
