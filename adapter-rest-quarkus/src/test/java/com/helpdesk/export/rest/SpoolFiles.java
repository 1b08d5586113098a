package com.helpdesk.export.rest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The spool files of the service under test ({@code export.spool.directory} of the test configuration): to see that
 * none is left behind, and to make the sending of an export fail half-way, as a failing disk would.
 */
final class SpoolFiles {

    /** {@code %test.export.spool.directory}, relative to the module's folder, where the tests run. */
    static final Path ROOT = Path.of("target", "test-spool");

    private SpoolFiles() {}

    /** The spool files that exist now, in every instance folder under the root. */
    static List<Path> present() throws IOException {
        if (!Files.isDirectory(ROOT)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.getFileName().toString().startsWith("spool-"))
                    .toList();
        }
    }

    /** Waits until no spool file is left (the end of an exchange releases its export on a worker thread). */
    static List<Path> awaitNone(Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<Path> left = present();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = present();
        }
        return left;
    }

    /**
     * Waits for the one spool file of an export being sent and cuts it to nothing: the sender's next read finds the
     * file ended early and fails, after the response has started.
     *
     * @return how many files were cut (1, or 0 when none showed up within {@code wait})
     */
    static int truncateTheOneBeingSent(Duration wait) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Path> files;
        StringBuilder seen = new StringBuilder();
        do {
            files = present();
            seen.append(files.size());
            if (files.size() == 1) {
                try (FileChannel channel = FileChannel.open(files.get(0), StandardOpenOption.WRITE)) {
                    channel.truncate(0);
                }
                return 1;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        System.out.println("SpoolFiles: no single spool file under " + ROOT.toAbsolutePath() + ": " + files
                + "; counts seen " + seen);
        return 0;
    }
}
