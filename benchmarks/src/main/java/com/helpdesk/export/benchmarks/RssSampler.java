package com.helpdesk.export.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples VmRSS of a process every 20 ms; also reads VmHWM, the kernel's record of its peak. */
final class RssSampler {
    private final long pid;
    private volatile boolean running;
    private volatile long peakKb;
    private Thread thread;

    RssSampler(long pid) {
        this.pid = pid;
    }

    long current() {
        return field("VmRSS");
    }

    long hwmKb() {
        return field("VmHWM");
    }

    long peakKb() {
        return peakKb;
    }

    void start() {
        running = true;
        peakKb = current();
        thread = new Thread(
                () -> {
                    while (running) {
                        peakKb = Math.max(peakKb, current());
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
        peakKb = Math.max(peakKb, current());
    }

    private long field(String name) {
        if (pid <= 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(name + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
