package com.helpdesk.export.spool;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.port.Spool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
