package com.helpdesk.export.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Clears the way for a new postmaster on a data directory that a previous one may still hold: one whose JVM was
 * killed (kill -9) keeps running with nobody to stop it, keeps its port and its {@code postmaster.pid}, and a
 * new server would refuse to start. Linux only: processes are inspected through {@code /proc}.
 */
final class LeftoverPostmaster {

    static final String PID_FILE = "postmaster.pid";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private LeftoverPostmaster() {}

    /**
     * If {@code postmaster.pid} names a live postgres process serving {@code dataDirectory}, asks it to shut down
     * (SIGTERM), waits up to {@code grace}, then kills it (SIGKILL) with its children. Then removes the pid file
     * if it is left over.
     *
     * @return the pid of the postmaster that was stopped, if there was one
     */
    static OptionalLong stopIfRunning(Path dataDirectory, Duration grace) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        OptionalLong pid = readPid(pidFile);
        if (pid.isEmpty()) {
            deleteStale(pidFile);
            return OptionalLong.empty();
        }
        long leftover = pid.getAsLong();
        if (!isPostmasterOf(leftover, dataDirectory)) {
            // the pid is gone, or now belongs to some other process: the file alone is left over
            deleteStale(pidFile);
            return OptionalLong.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(leftover);
        List<ProcessHandle> children = handle.map(h -> h.descendants().toList()).orElse(List.of());
        handle.ifPresent(ProcessHandle::destroy); // SIGTERM: postgres' "smart" shutdown
        if (!awaitExit(leftover, grace)) {
            handle.ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
            children.forEach(ProcessHandle::destroyForcibly);
            if (!awaitExit(leftover, AFTER_KILL)) {
                throw new IllegalStateException("A postgres process (pid " + leftover + ") left running on "
                        + dataDirectory + " could not be stopped.");
            }
        }
        for (ProcessHandle child : children) {
            awaitExit(child.pid(), AFTER_KILL);
        }
        deleteStale(pidFile);
        return pid;
    }

    /** The pid on the first line of a {@code postmaster.pid}, if the file exists and holds one. */
    static OptionalLong readPid(Path pidFile) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
        if (lines.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Whether {@code pid} is a running (not zombie) postmaster of zonky's embedded binaries serving exactly
     * {@code dataDirectory}: its executable is {@code postgres} in a folder zonky extracted
     * ({@code <java.io.tmpdir>/embedded-pg/PG-<digest>/bin/}), and its command line's {@code -D} argument is the data
     * directory itself, not a path that merely contains it. Anything else (another cluster's postmaster, a system
     * PostgreSQL, an unrelated process that reused the pid) is left alone.
     */
    static boolean isPostmasterOf(long pid, Path dataDirectory) {
        if (!isRunning(pid)) {
            return false;
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            if (!isEmbeddedBinary(Files.readSymbolicLink(proc.resolve("exe")))) {
                return false;
            }
            List<String> arguments = List.of(
                    new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
            int flag = arguments.indexOf("-D");
            if (flag < 0 || flag + 1 >= arguments.size()) {
                return false;
            }
            return Path.of(arguments.get(flag + 1)).toRealPath().equals(dataDirectory.toRealPath());
        } catch (IOException | UnsupportedOperationException | InvalidPathException e) {
            return false; // it ended while we looked, or it is not ours to inspect
        }
    }

    /** {@code <java.io.tmpdir>/embedded-pg/PG-<digest>/bin/postgres}, where zonky extracts its binaries. */
    static boolean isEmbeddedBinary(Path executable) throws IOException {
        Path extracted =
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toRealPath();
        Path binary = executable.toRealPath();
        Path bin = binary.getParent();
        Path release = bin == null ? null : bin.getParent();
        return binary.getFileName().toString().equals("postgres")
                && bin.getFileName().toString().equals("bin")
                && release != null
                && release.getFileName().toString().startsWith("PG-")
                && extracted.equals(release.getParent());
    }

    /** Alive and not a zombie: a killed process whose parent never reaps it stays in the table as a zombie. */
    static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            int afterName = stat.lastIndexOf(')');
            if (afterName < 0 || afterName + 2 >= stat.length()) {
                return false;
            }
            char state = stat.charAt(afterName + 2);
            return state != 'Z' && state != 'X' && state != 'x';
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean awaitExit(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(pid)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(pid);
            }
        }
        return true;
    }

    private static void deleteStale(Path pidFile) throws IOException {
        Files.deleteIfExists(pidFile);
    }
}
