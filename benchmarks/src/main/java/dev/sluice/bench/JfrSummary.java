package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's time and allocations go, from a JFR recording (JDK 17 has no {@code jfr view}): the hottest
 * methods by own samples, the methods of a package prefix by samples on stack, CPU by thread, allocation by
 * class and by the first frame of that prefix, and GC time. Prints markdown.
 *
 * <p>Usage: {@code JfrSummary recording.jfr [packagePrefix (dev.sluice.)] [top (15)]}
 */
public final class JfrSummary {
    private final String prefix;
    private final int top;
    private final Map<String, Long> selfSamples = new HashMap<>();
    private final Map<String, Long> onStack = new HashMap<>();
    private final Map<String, Long> nativeSelf = new HashMap<>();
    private final Map<String, Double> threadCpu = new HashMap<>();
    private final Map<String, Long> threadCpuCount = new HashMap<>();
    private final Map<String, Long> allocByClass = new HashMap<>();
    private final Map<String, Long> allocBySite = new HashMap<>();
    private long samples;
    private long nativeSamples;
    private long allocated;
    private long gcCount;
    private Duration gcPause = Duration.ZERO;

    private JfrSummary(String prefix, int top) {
        this.prefix = prefix;
        this.top = top;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrSummary recording.jfr [packagePrefix] [top]");
            System.exit(2);
        }
        JfrSummary summary = new JfrSummary(args.length > 1 ? args[1] : "dev.sluice.",
                args.length > 2 ? Integer.parseInt(args[2]) : 15);
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            summary.accept(event);
        }
        System.out.print(summary.markdown());
    }

    private void accept(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> {
                samples++;
                List<RecordedFrame> frames = frames(event.getStackTrace());
                if (!frames.isEmpty()) {
                    selfSamples.merge(name(frames.get(0)), 1L, Long::sum);
                }
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String name = name(frame);
                    if (name.startsWith(prefix) && seen.add(name)) {
                        onStack.merge(name, 1L, Long::sum);
                    }
                }
            }
            case "jdk.NativeMethodSample" -> {
                nativeSamples++;
                List<RecordedFrame> frames = frames(event.getStackTrace());
                if (!frames.isEmpty()) {
                    nativeSelf.merge(name(frames.get(0)), 1L, Long::sum);
                }
            }
            case "jdk.ThreadCPULoad" -> {
                String thread = event.getThread("eventThread") == null ? "?"
                        : String.valueOf(event.getThread("eventThread").getJavaName());
                threadCpu.merge(thread, (double) event.getFloat("user") + event.getFloat("system"), Double::sum);
                threadCpuCount.merge(thread, 1L, Long::sum);
            }
            case "jdk.ObjectAllocationSample" -> {
                long weight = event.getLong("weight");
                allocated += weight;
                allocByClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                String site = frames(event.getStackTrace()).stream().map(JfrSummary::name)
                        .filter(n -> n.startsWith(prefix)).findFirst().orElse("(outside " + prefix + ")");
                allocBySite.merge(site, weight, Long::sum);
            }
            case "jdk.GarbageCollection" -> {
                gcCount++;
                gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
            }
            default -> { }
        }
    }

    /** Pool threads differ only by number; summing them by name without digits shows which kind burns CPU. */
    private static String threadGroupName(String name) {
        return name == null ? "?" : name.replaceAll("\\d+", "N");
    }

    private static List<RecordedFrame> frames(RecordedStackTrace trace) {
        return trace == null ? List.of() : trace.getFrames();
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method.getType().getName() + "." + method.getName();
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Java execution samples: %d; native samples: %d; GCs: %d, pauses %d ms;"
                + " sampled allocation %.1f MiB%n%n", samples, nativeSamples, gcCount, gcPause.toMillis(),
                allocated / 1048576.0));
        table(md, "Hottest methods (own samples)", selfSamples, samples, v -> percent(v, samples));
        table(md, "Methods of " + prefix + " (samples with the method on stack)", onStack, samples,
                v -> percent(v, samples));
        table(md, "Native methods where threads wait or do I/O (own native samples)", nativeSelf, nativeSamples,
                v -> percent(v, nativeSamples));
        // Average load of each thread over the recording, summed per kind: 100% is one core busy.
        Map<String, Long> cpu = threadCpu.entrySet().stream().collect(Collectors.groupingBy(
                e -> threadGroupName(e.getKey()),
                Collectors.summingLong(e -> Math.round(1000 * e.getValue() / threadCpuCount.get(e.getKey())))));
        table(md, "CPU by thread kind (average load, one core = 100%, summed over threads of the kind)", cpu, 0,
                v -> String.format(Locale.ROOT, "%.1f%%", v / 10.0));
        table(md, "Allocation by class (sampled bytes)", allocByClass, allocated, v -> percent(v, allocated));
        table(md, "Allocation by first " + prefix + " frame (sampled bytes)", allocBySite, allocated,
                v -> percent(v, allocated));
        return md.toString();
    }

    private void table(StringBuilder md, String title, Map<String, Long> counts, long total,
            Function<Long, String> format) {
        if (counts.isEmpty()) {
            return;
        }
        md.append("**").append(title).append("**\n\n| | count | share |\n|---|---:|---:|\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .forEach(e -> md.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" | ")
                        .append(format.apply(e.getValue())).append(" |\n"));
        md.append('\n');
    }

    private static String percent(long value, long total) {
        return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * value / total);
    }
}
