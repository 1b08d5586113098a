package com.helpdesk.export.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time (user + system) of the service's JVM and, separately, of its PostgreSQL: the postmaster (its pid is
 * the first line of {@code postmaster.pid} in the data directory), its live children (backends and helpers),
 * plus what the postmaster collected from children that ended.
 */
final class ProcessCpu {
    private final long pid;
    private final Path postmasterPidFile;
    private final int clockTicks;

    ProcessCpu(long pid, Path postmasterPidFile, int clockTicks) {
        this.pid = pid;
        this.postmasterPidFile = postmasterPidFile;
        this.clockTicks = clockTicks;
    }

    /** {jvm, postgres} in clock ticks; zeros for what is not known. */
    long[] ticks() {
        if (pid <= 0) {
            return new long[2];
        }
        long postmaster = -1;
        if (postmasterPidFile != null) {
            try {
                postmaster = Long.parseLong(
                        Files.readAllLines(postmasterPidFile).get(0).trim());
            } catch (IOException | RuntimeException unknown) {
                postmaster = -1;
            }
        }
        long[] jvmAndPostgres = new long[2];
        long postmasterPid = postmaster;
        try {
            MachineCpu.eachProcess((f, p) -> {
                long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (p == pid) {
                    jvmAndPostgres[0] += own;
                } else if (p == postmasterPid) {
                    jvmAndPostgres[1] += own + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                } else if (postmasterPid > 0 && Long.parseLong(f[1]) == postmasterPid) {
                    jvmAndPostgres[1] += own;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {jvmAndPostgres[0], postmaster > 0 ? jvmAndPostgres[1] : -1};
    }

    String perExport(long ticks, long exports) {
        return perExport(ticks, exports, false);
    }

    String postgresPerExport(long ticks, long exports) {
        return perExport(ticks, exports, true);
    }

    private String perExport(long ticks, long exports, boolean postgres) {
        if (pid <= 0 || (postgres && postmasterPidFile == null)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f", ticks * 1000.0 / clockTicks / exports);
    }
}
