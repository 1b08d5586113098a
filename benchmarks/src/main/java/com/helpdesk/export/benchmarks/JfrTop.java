package com.helpdesk.export.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording says the time went: CPU samples ({@code jdk.ExecutionSample}) counted by the method on top
 * of the stack (self) and by every method on the stack (total), and allocation samples
 * ({@code jdk.ObjectAllocationSample}, weighted) by allocating method. Usage:
 * {@code JfrTop <recording.jfr> [top N] [thread-name substring]}.
 */
public final class JfrTop {

    private JfrTop() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String threadFilter = args.length > 2 ? args[2] : null;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> selfPackage = new HashMap<>();
        Map<String, Long> allocation = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            boolean cpu = type.equals("jdk.ExecutionSample");
            boolean alloc = type.equals("jdk.ObjectAllocationSample");
            if (!cpu && !alloc) {
                continue;
            }
            if (threadFilter != null) {
                var thread = cpu ? event.getThread("sampledThread") : event.getThread("eventThread");
                if (thread == null
                        || thread.getJavaName() == null
                        || !thread.getJavaName().contains(threadFilter)) {
                    continue;
                }
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (cpu) {
                samples++;
                String head = name(frames.get(0));
                self.merge(head, 1L, Long::sum);
                selfPackage.merge(pkg(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String n = name(frame);
                    if (seen.add(n)) {
                        total.merge(n, 1L, Long::sum);
                    }
                }
            } else {
                long weight = event.getLong("weight");
                allocated += weight;
                // the first frame outside java.*, jdk.* and sun.*: who asked for the memory
                String owner = name(frames.get(0));
                for (RecordedFrame frame : frames) {
                    String n = name(frame);
                    if (!n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.")) {
                        owner = n + "  (" + event.getClass("objectClass").getName() + ")";
                        break;
                    }
                }
                allocation.merge(owner, weight, Long::sum);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%,d CPU samples%s%n",
                samples,
                threadFilter == null ? "" : " on threads *" + threadFilter + "*");
        print("self (top of stack)", self, samples, top);
        print("self by package", selfPackage, samples, top);
        print("total (on the stack)", total, samples, top);
        System.out.printf(Locale.ROOT, "%nallocation samples: %,d MB weighted%n", allocated / 1_000_000);
        print("allocation by first non-JDK frame (and class)", allocation, allocated, top);
    }

    private static void print(String title, Map<String, Long> counts, long all, int top) {
        System.out.println();
        System.out.println("== " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf(
                        Locale.ROOT, "%5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, all), e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String pkg(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }
}
