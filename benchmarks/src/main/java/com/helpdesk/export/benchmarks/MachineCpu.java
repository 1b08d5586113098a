package com.helpdesk.export.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ObjLongConsumer;

/**
 * CPU time from /proc, in clock ticks: of the whole machine (busy and all), of one process, of a PostgreSQL
 * server (postmaster, its children, and what it collected from children that ended), to tell how much of the
 * machine others used while something was measured.
 */
final class MachineCpu {
    private MachineCpu() {}

    /** {busy, all} ticks of all CPUs since boot. */
    static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1])
                    + Long.parseLong(f[2])
                    + Long.parseLong(f[3])
                    + Long.parseLong(f[6])
                    + Long.parseLong(f[7])
                    + Long.parseLong(f[8]);
            return new long[] {busy, busy + Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    static long self() {
        return ticks(ProcessHandle.current().pid(), true);
    }

    /** utime + stime of a process (with its ended children's when asked); 0 when it is gone. */
    static long ticks(long pid, boolean children) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return children ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The PostgreSQL server running on a data directory; 0 when none runs. */
    static long postgres(Path dataDirectory) {
        if (dataDirectory == null) {
            return 0;
        }
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
        } catch (IOException | RuntimeException none) {
            return 0;
        }
        long[] total = {ticks(postmaster, true)};
        try {
            eachProcess((f, p) -> {
                if (Long.parseLong(f[1]) == postmaster) {
                    total[0] += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }

    /**
     * Hands every process's {@code /proc/<pid>/stat} fields after its name (state(0) ppid(1) … utime(11)
     * stime(12) cutime(13) cstime(14)) and its pid to the visitor; a process that ends meanwhile is skipped.
     */
    static void eachProcess(ObjLongConsumer<String[]> visitor) throws IOException {
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    visitor.accept(stat.substring(stat.lastIndexOf(')') + 2).split(" "), Long.parseLong(name));
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
    }

    /** The share of the machine's CPU capacity that processes other than ours used between two readings. */
    static int foreignPercent(long[] before, long[] after, long oursTicks) {
        long busy = after[0] - before[0];
        long all = after[1] - before[1];
        long foreign = Math.max(0, busy - oursTicks);
        return all <= 0 ? 0 : (int) (100 * foreign / all);
    }
}
