package com.helpdesk.export.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.helpdesk.export.domain.port.Spool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSpoolStoreTest {

    @TempDir
    Path root;

    @Test
    void deletesWhatADeadInstanceLeftAndKeepsWhatALiveOneHolds() throws Exception {
        // a folder left by an instance that died: a lock file nobody holds, and a spool file
        Path dead = Files.createDirectories(root.resolve("dead-instance"));
        Files.createFile(dead.resolve(FileSpoolStore.LOCK_FILE));
        Files.write(dead.resolve("spool-1.tmp"), new byte[4096]);
        // a folder without a lock file at all
        Path bare = Files.createDirectories(root.resolve("bare"));
        // a live instance of this JVM, and one of another process
        try (FileSpoolStore live = FileSpoolStore.open(root, 0, 1 << 20)) {
            Spool spool = live.create();
            spool.output().write(new byte[10]);
            Process other = holdLockInAnotherJvm(root);
            try {
                Path otherFolder = root.resolve("other-process");
                try (FileSpoolStore next = FileSpoolStore.open(root, 0, 1 << 20)) {
                    assertThat(dead).doesNotExist();
                    assertThat(bare).doesNotExist();
                    assertThat(live.directory()).isDirectory();
                    assertThat(otherFolder).as("held by a live process").isDirectory();
                    assertThat(next.directory()).isDirectory().isNotEqualTo(live.directory());
                }
            } finally {
                other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            spool.close();
            // once its process is gone (killed, its lock released by the kernel), its folder is a leftover too
            try (FileSpoolStore after = FileSpoolStore.open(root, 0, 1 << 20)) {
                assertThat(root.resolve("other-process")).doesNotExist();
                assertThat(live.directory()).isDirectory();
            }
        }
    }

    @Test
    void closingTheStoreDeletesItsFolder() throws IOException {
        FileSpoolStore store = FileSpoolStore.open(root, 0, 1 << 20);
        Spool spool = store.create();
        spool.output().write(new byte[100]);
        Path folder = store.directory();
        store.close();
        assertThat(folder).doesNotExist();
    }

    // ---------------------------------------------------------------- who may read the spool

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    @Test
    void theRootTheInstanceFolderAndTheFilesAreTheOwnersAlone() throws IOException {
        Path fresh = root.resolve("parent").resolve("spool");
        try (FileSpoolStore store = FileSpoolStore.open(fresh, 0, 1 << 20)) {
            Spool spool = store.create();
            spool.output().write(new byte[100]);
            List<Path> files;
            try (Stream<Path> listed = Files.list(store.directory())) {
                files = listed.filter(p -> p.getFileName().toString().startsWith("spool-"))
                        .toList();
            }
            assertThat(files).as("the spilled file").hasSize(1);
            assertThat(permissions(fresh.getParent())).as("a parent it made").isEqualTo(OWNER_ONLY_FOLDER);
            assertThat(permissions(fresh)).as("the root").isEqualTo(OWNER_ONLY_FOLDER);
            assertThat(permissions(store.directory())).as("the instance folder").isEqualTo(OWNER_ONLY_FOLDER);
            assertThat(permissions(store.directory().resolve(FileSpoolStore.LOCK_FILE)))
                    .as("the lock file")
                    .isEqualTo(OWNER_ONLY_FILE);
            assertThat(permissions(files.get(0))).as("the spool file").isEqualTo(OWNER_ONLY_FILE);
            spool.close();
        }
    }

    @Test
    void aRootThatIsASymbolicLinkIsRefusedAndNothingBehindItIsTouched() throws IOException {
        Path real = Files.createDirectory(root.resolve("real"));
        Files.setPosixFilePermissions(real, OWNER_ONLY_FOLDER);
        Path leftover = Files.createDirectory(real.resolve("dead-instance"));
        Path link = Files.createSymbolicLink(root.resolve("link"), real);
        assertThatThrownBy(() -> FileSpoolStore.open(link, 0, 1 << 20))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(link.toString())
                .hasMessageContaining("symbolic link");
        assertThat(leftover).as("not deleted through the link").isDirectory();
        assertThat(children(real)).containsExactly(leftover);
    }

    @Test
    void aRootThatIsNoFolderIsRefused() throws IOException {
        Path file = Files.writeString(root.resolve("a-file"), "not a folder");
        assertThatThrownBy(() -> FileSpoolStore.open(file, 0, 1 << 20))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a folder");
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void aRootOthersMayOnlyReadAsAnOlderVersionLeftItIsTightenedToTheOwner() throws IOException {
        Path old = Files.createDirectory(root.resolve("old"));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dead = Files.createDirectory(old.resolve("dead-instance"));
        Files.write(dead.resolve("spool-1.tmp"), new byte[10]);
        try (FileSpoolStore store = FileSpoolStore.open(old, 0, 1 << 20)) {
            assertThat(permissions(old)).isEqualTo(OWNER_ONLY_FOLDER);
            assertThat(dead).as("a dead instance's folder, removed as before").doesNotExist();
            assertThat(store.directory()).isDirectory();
        }
    }

    @Test
    void aRootOthersMayWriteIntoIsRefusedAndLeftAsItIs() throws IOException {
        for (String loose : List.of("rwxrwxrwx", "rwxrwx---", "rwx----wx", "rwx-w----")) {
            Path shared = Files.createDirectory(root.resolve("shared-" + loose));
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString(loose));
            Path planted = Files.createDirectory(shared.resolve("planted"));
            assertThatThrownBy(() -> FileSpoolStore.open(shared, 0, 1 << 20))
                    .as(loose)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(shared.toString())
                    .hasMessageContaining(loose)
                    .hasMessageContaining("chmod 700");
            assertThat(permissions(shared)).as(loose).isEqualTo(PosixFilePermissions.fromString(loose));
            assertThat(children(shared)).as(loose).containsExactly(planted);
        }
    }

    @Test
    void aRootOfAnotherUserIsRefused() throws IOException {
        assumeTrue(
                ((Integer) Files.getAttribute(root, "unix:uid")) == 0, "only root can give a folder to another user");
        Path theirs = Files.createDirectory(root.resolve("theirs"));
        Files.setPosixFilePermissions(theirs, OWNER_ONLY_FOLDER);
        Path planted = Files.createDirectory(theirs.resolve("planted"));
        Files.setAttribute(theirs, "unix:uid", 65534);
        assertThatThrownBy(() -> FileSpoolStore.open(theirs, 0, 1 << 20))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(theirs.toString())
                .hasMessageContaining("belongs to");
        assertThat(children(theirs)).containsExactly(planted);
    }

    @Test
    void aFileSystemWithoutPosixPermissionsIsRefused() throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(root.resolve("spool.zip"), Map.of("create", "true"))) {
            Path inZip = zip.getPath("/spool");
            assertThatThrownBy(() -> FileSpoolStore.open(inZip, 0, 1 << 20))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("POSIX");
            assertThat(inZip).doesNotExist();
        }
    }

    private static Set<PosixFilePermission> permissions(Path path) throws IOException {
        return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static List<Path> children(Path folder) throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.toList();
        }
    }

    /** Starts a JVM that makes {@code root/other-process/.lock}, locks it and waits; returns once it holds it. */
    private static Process holdLockInAnotherJvm(Path root) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolder.class.getName(),
                        root.resolve("other-process").toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).isEqualTo("locked");
        return process;
    }
}
